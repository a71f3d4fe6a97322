mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  repository_names = ["shop/api", "shop/worker"]
  tags             = { Project = "slipway" }
}

run "defaults" {
  command = plan

  assert {
    condition     = length(aws_ecr_repository.this) == 2
    error_message = "one repository per name"
  }
  assert {
    condition     = aws_ecr_repository.this["shop/api"].image_tag_mutability == "IMMUTABLE" && aws_ecr_repository.this["shop/api"].image_scanning_configuration[0].scan_on_push
    error_message = "immutable tags and scan on push by default"
  }
  assert {
    condition     = aws_ecr_repository.this["shop/api"].encryption_configuration[0].encryption_type == "AES256"
    error_message = "AES256 without a KMS key"
  }
  assert {
    condition     = jsondecode(aws_ecr_lifecycle_policy.this["shop/worker"].policy).rules[1].selection.countNumber == 30
    error_message = "keeps the newest 30 by default"
  }
  assert {
    condition     = length(aws_ecr_repository_policy.this) == 0
    error_message = "no repository policy without pull principals"
  }
}

run "kms_and_lifecycle" {
  command = plan

  variables {
    kms_key_arn         = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    lifecycle_policy    = { keep_last = 10, untagged_expire_days = 3 }
    pull_principal_arns = ["arn:aws:iam::210987654321:root"]
  }

  assert {
    condition     = aws_ecr_repository.this["shop/api"].encryption_configuration[0].encryption_type == "KMS"
    error_message = "KMS when a key is given"
  }
  assert {
    condition     = jsondecode(aws_ecr_lifecycle_policy.this["shop/api"].policy).rules[0].selection.countNumber == 3 && jsondecode(aws_ecr_lifecycle_policy.this["shop/api"].policy).rules[1].selection.countNumber == 10
    error_message = "lifecycle numbers"
  }
  assert {
    condition     = length(aws_ecr_repository_policy.this) == 2
    error_message = "pull policy on every repository"
  }
}

run "rejects_uppercase_name" {
  command = plan
  variables {
    repository_names = ["Shop/API"]
  }
  expect_failures = [var.repository_names]
}

run "rejects_mutability" {
  command = plan
  variables {
    image_tag_mutability = "SOMETIMES"
  }
  expect_failures = [var.image_tag_mutability]
}

run "rejects_keep_last_zero" {
  command = plan
  variables {
    lifecycle_policy = { keep_last = 0 }
  }
  expect_failures = [var.lifecycle_policy]
}

run "rejects_bad_kms_arn" {
  command = plan
  variables {
    kms_key_arn = "alias/my-key"
  }
  expect_failures = [var.kms_key_arn]
}

run "no_replication_by_default" {
  command = plan

  assert {
    condition     = length(aws_ecr_replication_configuration.this) == 0 && length(output.replication_destinations) == 0
    error_message = "no replication configuration without replication_rules"
  }
}

run "replication_to_another_region" {
  command = plan

  override_data {
    target = data.aws_caller_identity.current[0]
    values = { account_id = "123456789012" }
  }
  override_data {
    target = data.aws_region.current[0]
    values = { name = "us-east-1" }
  }

  variables {
    replication_rules = [
      { destinations = [{ region = "us-west-2" }] },
      { destinations = [{ region = "eu-west-1", registry_id = "210987654321" }], repository_prefixes = ["shop/api"] },
    ]
  }

  assert {
    condition     = length(aws_ecr_replication_configuration.this) == 1
    error_message = "one replication configuration for the registry"
  }
  assert {
    condition     = aws_ecr_replication_configuration.this[0].replication_configuration[0].rule[0].destination[0].region == "us-west-2" && aws_ecr_replication_configuration.this[0].replication_configuration[0].rule[0].destination[0].registry_id == "123456789012"
    error_message = "a destination without registry_id replicates to this account"
  }
  assert {
    condition     = [for f in aws_ecr_replication_configuration.this[0].replication_configuration[0].rule[0].repository_filter : f.filter] == ["shop/api", "shop/worker"] && alltrue([for f in aws_ecr_replication_configuration.this[0].replication_configuration[0].rule[0].repository_filter : f.filter_type == "PREFIX_MATCH"])
    error_message = "the default filters are the module's repositories, as prefixes"
  }
  assert {
    condition     = [for f in aws_ecr_replication_configuration.this[0].replication_configuration[0].rule[1].repository_filter : f.filter] == ["shop/api"] && aws_ecr_replication_configuration.this[0].replication_configuration[0].rule[1].destination[0].registry_id == "210987654321"
    error_message = "explicit prefixes and registry"
  }
  assert {
    condition     = length(output.replication_destinations) == 2 && output.replication_destinations[0].region == "us-west-2" && output.replication_destinations[0].registry_id == "123456789012" && output.replication_destinations[1].registry_id == "210987654321"
    error_message = "replication_destinations lists each destination once"
  }
}

run "rejects_replication_to_the_same_region" {
  command = plan

  override_data {
    target = data.aws_caller_identity.current[0]
    values = { account_id = "123456789012" }
  }
  override_data {
    target = data.aws_region.current[0]
    values = { name = "us-east-1" }
  }

  variables {
    replication_rules = [{ destinations = [{ region = "us-east-1" }] }]
  }

  expect_failures = [aws_ecr_replication_configuration.this]
}

run "rejects_bad_replication_region" {
  command = plan

  variables {
    replication_rules = [{ destinations = [{ region = "US_WEST_2" }] }]
  }

  expect_failures = [var.replication_rules]
}

run "rejects_bad_replication_registry" {
  command = plan

  variables {
    replication_rules = [{ destinations = [{ region = "us-west-2", registry_id = "12345" }] }]
  }

  expect_failures = [var.replication_rules]
}

run "rejects_rule_without_destinations" {
  command = plan

  variables {
    replication_rules = [{ destinations = [] }]
  }

  expect_failures = [var.replication_rules]
}

run "rejects_bad_replication_prefix" {
  command = plan

  variables {
    replication_rules = [{ destinations = [{ region = "us-west-2" }], repository_prefixes = ["Shop"] }]
  }

  expect_failures = [var.replication_rules]
}

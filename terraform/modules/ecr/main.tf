locals {
  repositories = toset(var.repository_names)

  lifecycle_policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Expire untagged images after ${var.lifecycle_policy.untagged_expire_days} days"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = var.lifecycle_policy.untagged_expire_days
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the newest ${var.lifecycle_policy.keep_last} images"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = var.lifecycle_policy.keep_last
        }
        action = { type = "expire" }
      },
    ]
  })
}

resource "aws_ecr_repository" "this" {
  #checkov:skip=CKV_AWS_136:KMS is opt-in through var.kms_key_arn; the default AES-256 encryption at rest avoids a per-repository key cost and key-policy coupling for callers that do not need it.
  for_each = local.repositories

  name                 = each.key
  image_tag_mutability = var.image_tag_mutability
  force_delete         = var.force_delete

  image_scanning_configuration {
    scan_on_push = var.scan_on_push
  }

  encryption_configuration {
    encryption_type = var.kms_key_arn == null ? "AES256" : "KMS"
    kms_key         = var.kms_key_arn
  }

  tags = var.tags
}

resource "aws_ecr_lifecycle_policy" "this" {
  for_each = local.repositories

  repository = aws_ecr_repository.this[each.key].name
  policy     = local.lifecycle_policy
}

data "aws_iam_policy_document" "pull" {
  count = length(var.pull_principal_arns) > 0 ? 1 : 0

  statement {
    sid = "CrossAccountPull"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    principals {
      type        = "AWS"
      identifiers = var.pull_principal_arns
    }
  }
}

resource "aws_ecr_repository_policy" "this" {
  for_each = length(var.pull_principal_arns) > 0 ? local.repositories : toset([])

  repository = aws_ecr_repository.this[each.key].name
  policy     = data.aws_iam_policy_document.pull[0].json
}

data "aws_caller_identity" "current" {
  count = length(var.replication_rules) > 0 ? 1 : 0
}

data "aws_region" "current" {
  count = length(var.replication_rules) > 0 ? 1 : 0
}

# One per registry and region: every push to a matching repository is copied, same digest, to each
# destination, so deploys in those regions never pull across regions.
resource "aws_ecr_replication_configuration" "this" {
  count = length(var.replication_rules) > 0 ? 1 : 0

  replication_configuration {
    dynamic "rule" {
      for_each = var.replication_rules
      content {
        dynamic "destination" {
          for_each = rule.value.destinations
          content {
            region      = destination.value.region
            registry_id = coalesce(destination.value.registry_id, data.aws_caller_identity.current[0].account_id)
          }
        }
        dynamic "repository_filter" {
          for_each = coalesce(rule.value.repository_prefixes, var.repository_names)
          content {
            filter      = repository_filter.value
            filter_type = "PREFIX_MATCH"
          }
        }
      }
    }
  }

  lifecycle {
    precondition {
      condition = alltrue(flatten([for r in var.replication_rules : [
        for d in r.destinations : !(d.region == data.aws_region.current[0].name && coalesce(d.registry_id, data.aws_caller_identity.current[0].account_id) == data.aws_caller_identity.current[0].account_id)
      ]]))
      error_message = "replication_rules replicate to this same registry and region (${data.aws_region.current[0].name}); a destination must be another region or another account."
    }
  }
}

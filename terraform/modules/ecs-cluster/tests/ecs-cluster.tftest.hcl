mock_provider "aws" {
  override_data {
    target = data.aws_ssm_parameter.ami
    values = { value = "ami-0123456789abcdef0" }
  }
  override_data {
    target = data.aws_partition.current
    values = { partition = "aws" }
  }
  override_data {
    target = data.aws_iam_policy_document.instance_assume
    values = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  name = "shop"
  tags = { Project = "slipway" }
}

run "fargate_default" {
  command = plan

  assert {
    condition     = one([for s in aws_ecs_cluster.this.setting : s.value if s.name == "containerInsights"]) == "enabled"
    error_message = "Container Insights on by default"
  }
  assert {
    condition     = toset(aws_ecs_cluster_capacity_providers.this.capacity_providers) == toset(["FARGATE", "FARGATE_SPOT"])
    error_message = "Fargate providers attached"
  }
  assert {
    condition     = length(aws_autoscaling_group.ec2) == 0 && length(aws_launch_template.ec2) == 0
    error_message = "no EC2 capacity unless enabled"
  }
}

run "fargate_spot_split" {
  command = plan

  variables {
    default_capacity_provider_strategy = [
      { capacity_provider = "FARGATE", weight = 1, base = 2 },
      { capacity_provider = "FARGATE_SPOT", weight = 3 },
    ]
  }

  assert {
    condition     = length(aws_ecs_cluster_capacity_providers.this.default_capacity_provider_strategy) == 2
    error_message = "both strategy entries"
  }
}

run "ec2_arm64_capacity" {
  command = plan

  variables {
    ec2_capacity = {
      enabled    = true
      vpc_id     = "vpc-0123456789abcdef0"
      subnet_ids = ["subnet-0a", "subnet-0b"]
      min_size   = 2
      max_size   = 4
    }
    default_capacity_provider_strategy = [{ capacity_provider = "EC2", weight = 1 }]
  }

  assert {
    condition     = aws_launch_template.ec2[0].image_id == "ami-0123456789abcdef0" && aws_launch_template.ec2[0].instance_type == "t4g.small"
    error_message = "ARM64 ECS AMI from SSM on t4g.small"
  }
  assert {
    condition     = aws_launch_template.ec2[0].metadata_options[0].http_tokens == "required" && aws_launch_template.ec2[0].metadata_options[0].http_put_response_hop_limit == 1
    error_message = "IMDSv2 only, hop limit 1"
  }
  assert {
    condition     = aws_launch_template.ec2[0].block_device_mappings[0].ebs[0].encrypted == "true"
    error_message = "encrypted root volume"
  }
  assert {
    condition     = aws_autoscaling_group.ec2[0].protect_from_scale_in && aws_ecs_capacity_provider.ec2[0].auto_scaling_group_provider[0].managed_termination_protection == "ENABLED"
    error_message = "managed termination protection"
  }
  assert {
    condition     = aws_ecs_capacity_provider.ec2[0].auto_scaling_group_provider[0].managed_scaling[0].status == "ENABLED"
    error_message = "managed scaling"
  }
  assert {
    condition     = strcontains(base64decode(aws_launch_template.ec2[0].user_data), "ECS_CLUSTER=shop")
    error_message = "instances join the cluster"
  }
}

run "rejects_mixed_strategy" {
  command = plan
  variables {
    ec2_capacity = { enabled = true, vpc_id = "vpc-0123456789abcdef0", subnet_ids = ["subnet-0a"] }
    default_capacity_provider_strategy = [
      { capacity_provider = "EC2", weight = 1 },
      { capacity_provider = "FARGATE", weight = 1 },
    ]
  }
  expect_failures = [aws_ecs_cluster.this]
}

run "rejects_ec2_strategy_without_capacity" {
  command = plan
  variables {
    default_capacity_provider_strategy = [{ capacity_provider = "EC2", weight = 1 }]
  }
  expect_failures = [aws_ecs_cluster.this]
}

run "rejects_two_bases" {
  command = plan
  variables {
    default_capacity_provider_strategy = [
      { capacity_provider = "FARGATE", weight = 1, base = 1 },
      { capacity_provider = "FARGATE_SPOT", weight = 1, base = 1 },
    ]
  }
  expect_failures = [var.default_capacity_provider_strategy]
}

run "rejects_unknown_provider" {
  command = plan
  variables {
    default_capacity_provider_strategy = [{ capacity_provider = "SPOT", weight = 1 }]
  }
  expect_failures = [var.default_capacity_provider_strategy]
}

run "rejects_min_above_max" {
  command = plan
  variables {
    ec2_capacity = { min_size = 5, max_size = 2 }
  }
  expect_failures = [var.ec2_capacity]
}

run "rejects_container_insights_value" {
  command = plan
  variables {
    container_insights = "on"
  }
  expect_failures = [var.container_insights]
}

data "aws_partition" "current" {}

locals {
  ec2_enabled = var.ec2_capacity.enabled
  ec2_name    = "${var.name}-ec2"

  strategy_providers = [for s in var.default_capacity_provider_strategy : s.capacity_provider]
  uses_ec2           = contains(local.strategy_providers, "EC2")
  uses_fargate       = contains(local.strategy_providers, "FARGATE") || contains(local.strategy_providers, "FARGATE_SPOT")

  capacity_providers = concat(["FARGATE", "FARGATE_SPOT"], local.ec2_enabled ? [aws_ecs_capacity_provider.ec2[0].name] : [])

  user_data = <<-EOT
    #!/bin/bash
    set -euo pipefail
    cat >> /etc/ecs/ecs.config <<'CFG'
    ECS_CLUSTER=${var.name}
    ECS_ENABLE_TASK_IAM_ROLE=true
    ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=false
    ECS_AWSVPC_BLOCK_IMDS=true
    ECS_ENABLE_CONTAINER_METADATA=true
    ECS_ENABLE_SPOT_INSTANCE_DRAINING=true
    CFG
  EOT
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }

  dynamic "service_connect_defaults" {
    for_each = var.service_connect_namespace_arn == null ? [] : [var.service_connect_namespace_arn]
    content {
      namespace = service_connect_defaults.value
    }
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = !local.uses_ec2 || local.ec2_enabled
      error_message = "default_capacity_provider_strategy uses EC2 but ec2_capacity.enabled is false; enable ec2_capacity or use FARGATE/FARGATE_SPOT."
    }
    precondition {
      condition     = !(local.uses_ec2 && local.uses_fargate)
      error_message = "default_capacity_provider_strategy mixes EC2 with FARGATE/FARGATE_SPOT (${join(", ", local.strategy_providers)}); ECS does not allow Auto Scaling group and Fargate providers in one strategy."
    }
    precondition {
      condition     = !local.ec2_enabled || (var.ec2_capacity.vpc_id != null && length(var.ec2_capacity.subnet_ids) > 0)
      error_message = "ec2_capacity.enabled is true, so ec2_capacity.vpc_id and ec2_capacity.subnet_ids (private subnets) must be set."
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = local.capacity_providers

  dynamic "default_capacity_provider_strategy" {
    for_each = var.default_capacity_provider_strategy
    content {
      capacity_provider = default_capacity_provider_strategy.value.capacity_provider == "EC2" ? aws_ecs_capacity_provider.ec2[0].name : default_capacity_provider_strategy.value.capacity_provider
      weight            = default_capacity_provider_strategy.value.weight
      base              = default_capacity_provider_strategy.value.base
    }
  }
}

# ---------------------------------------------------------------------------------------------------------
# Optional EC2 capacity
# ---------------------------------------------------------------------------------------------------------
data "aws_ssm_parameter" "ami" {
  count = local.ec2_enabled ? 1 : 0

  name = var.ec2_capacity.ami_ssm_parameter
}

data "aws_iam_policy_document" "instance_assume" {
  count = local.ec2_enabled ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "instance" {
  count = local.ec2_enabled ? 1 : 0

  name_prefix        = "${substr(local.ec2_name, 0, 28)}-"
  description        = "ECS container instances of cluster ${var.name}"
  assume_role_policy = data.aws_iam_policy_document.instance_assume[0].json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "instance_ecs" {
  count = local.ec2_enabled ? 1 : 0

  role       = aws_iam_role.instance[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
}

resource "aws_iam_role_policy_attachment" "instance_ssm" {
  count = local.ec2_enabled && var.ec2_capacity.enable_ssm_session_manager ? 1 : 0

  role       = aws_iam_role.instance[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "instance" {
  count = local.ec2_enabled ? 1 : 0

  name_prefix = "${substr(local.ec2_name, 0, 28)}-"
  role        = aws_iam_role.instance[0].name

  tags = var.tags
}

resource "aws_security_group" "instance" {
  count = local.ec2_enabled ? 1 : 0

  name_prefix = "${substr(local.ec2_name, 0, 28)}-"
  description = "ECS container instances of ${var.name}; ingress is added by callers (load balancers)"
  vpc_id      = var.ec2_capacity.vpc_id

  tags = merge(var.tags, { Name = local.ec2_name })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "instance_all" {
  count = local.ec2_enabled ? 1 : 0

  security_group_id = aws_security_group.instance[0].id
  description       = "Outbound to AWS APIs, ECR and dependencies"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"

  tags = var.tags
}

resource "aws_launch_template" "ec2" {
  count = local.ec2_enabled ? 1 : 0

  name_prefix            = "${local.ec2_name}-"
  image_id               = nonsensitive(data.aws_ssm_parameter.ami[0].value)
  instance_type          = var.ec2_capacity.instance_type
  update_default_version = true
  user_data              = base64encode(local.user_data)

  iam_instance_profile {
    arn = aws_iam_instance_profile.instance[0].arn
  }

  network_interfaces {
    associate_public_ip_address = false
    delete_on_termination       = true
    security_groups             = concat([aws_security_group.instance[0].id], var.ec2_capacity.additional_security_group_ids)
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = var.ec2_capacity.root_volume_size
      volume_type           = "gp3"
      encrypted             = true
      kms_key_id            = var.ec2_capacity.ebs_kms_key_arn
      delete_on_termination = true
    }
  }

  # IMDSv2 only, and a hop limit of 1 so that containers in bridge mode cannot reach the instance's
  # credentials; tasks get theirs from the ECS agent (ECS_ENABLE_TASK_IAM_ROLE).
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  monitoring {
    enabled = true
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(var.tags, { Name = local.ec2_name })
  }

  tag_specifications {
    resource_type = "volume"
    tags          = merge(var.tags, { Name = local.ec2_name })
  }

  tags = var.tags
}

resource "aws_autoscaling_group" "ec2" {
  count = local.ec2_enabled ? 1 : 0

  name_prefix           = "${local.ec2_name}-"
  vpc_zone_identifier   = var.ec2_capacity.subnet_ids
  min_size              = var.ec2_capacity.min_size
  max_size              = var.ec2_capacity.max_size
  protect_from_scale_in = var.ec2_capacity.managed_termination_protection
  health_check_type     = "EC2"
  default_cooldown      = 300

  launch_template {
    id      = aws_launch_template.ec2[0].id
    version = aws_launch_template.ec2[0].latest_version
  }

  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 50
    }
  }

  tag {
    key                 = "AmazonECSManaged"
    value               = "true"
    propagate_at_launch = true
  }

  dynamic "tag" {
    for_each = merge(var.tags, { Name = local.ec2_name })
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }

  # The capacity provider's managed scaling owns the group's desired capacity.
  lifecycle {
    ignore_changes = [desired_capacity]
  }
}

resource "aws_ecs_capacity_provider" "ec2" {
  count = local.ec2_enabled ? 1 : 0

  name = local.ec2_name

  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.ec2[0].arn
    managed_termination_protection = var.ec2_capacity.managed_termination_protection ? "ENABLED" : "DISABLED"
    managed_draining               = "ENABLED"

    managed_scaling {
      status                    = "ENABLED"
      target_capacity           = var.ec2_capacity.target_capacity
      minimum_scaling_step_size = 1
      maximum_scaling_step_size = 2
      instance_warmup_period    = 180
    }
  }

  tags = var.tags
}

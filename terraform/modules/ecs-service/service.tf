# ecs-service: the ECS service. What it is made of (load balancers, placement, discovery, Service
# Connect, its checks) is computed once in these locals; the two resource variants below only place them.
# long-file: the two aws_ecs_service variants (lifecycle ignore_changes cannot be dynamic, so one ignores the
# task definition that slipway deploys) and the locals they share; one resource in two shapes belongs together.
locals {
  capacity_provider_strategy = var.launch_type == null ? var.capacity_provider_strategy : []
  grace_period               = local.has_lb ? coalesce(var.health_check_grace_period_seconds, 60) : null
  service_tags               = merge(var.tags, { "slipway:ci-owns-task-definition" = tostring(var.ci_owns_task_definition) })
  # Whichever variant exists, for the outputs.
  service = try(aws_ecs_service.this[0], aws_ecs_service.ci_owned[0])

  # A missing port is reported by the precondition below rather than by coalesce() here.
  service_load_balancers = [for lb in var.load_balancers : {
    target_group_arn = lb.target_group_arn
    container_name   = coalesce(lb.container_name, local.container_name)
    container_port   = lb.container_port != null ? lb.container_port : var.container.port
  }]

  placement_strategy = var.compatibility == "EC2" ? [{ type = "spread", field = "attribute:ecs.availability-zone" }, { type = "binpack", field = "memory" }] : []

  service_registries = [for s in aws_service_discovery_service.this : {
    registry_arn   = s.arn
    container_name = local.service_registry_srv ? local.container_name : null
    container_port = local.service_registry_srv ? var.container.port : null
  }]

  service_connect = var.service_connect == null ? [] : [{
    namespace = var.service_connect.namespace
    services = var.service_connect.server ? [{
      port_name         = var.container.port_name
      discovery_name    = coalesce(var.service_connect.discovery_name, var.name)
      client_alias_port = coalesce(var.service_connect.client_alias_port, var.container.port)
      client_alias_dns  = var.service_connect.client_alias_dns
    }] : []
    log_options = {
      awslogs-group         = aws_cloudwatch_log_group.this.name
      awslogs-region        = data.aws_region.current.name
      awslogs-stream-prefix = "service-connect"
    }
  }]

  # The service's preconditions, one list for both variants; the precondition names every one that fails.
  service_problems = [for c in [
    {
      ok      = var.launch_type != null || length(var.capacity_provider_strategy) > 0
      message = "Set launch_type or a non-empty capacity_provider_strategy; relying on the cluster default strategy makes every plan replace the service."
    },
    {
      ok      = var.launch_type == null || var.launch_type == var.compatibility
      message = "launch_type \"${coalesce(var.launch_type, "null")}\" does not match compatibility \"${var.compatibility}\"."
    },
    {
      ok      = !local.has_lb || var.container.port != null || alltrue([for lb in var.load_balancers : lb.container_port != null])
      message = "load_balancers need a container port: set container.port or load_balancers[*].container_port."
    },
    {
      ok      = var.health_check_grace_period_seconds == null || local.has_lb
      message = "health_check_grace_period_seconds only applies to services with load_balancers."
    },
  ] : c.message if !c.ok]
}

# Two variants of one service: ignore_changes must be a static list (lifecycle blocks cannot be dynamic), so
# the "CI owns the task definition" switch picks one of two resources that differ only in count and
# ignore_changes. Keep the two bodies otherwise identical; both addresses are in callers' state and tests.
resource "aws_ecs_service" "this" {
  count = var.ci_owns_task_definition ? 0 : 1

  name                               = var.name
  cluster                            = var.cluster_arn
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  launch_type                        = var.launch_type
  platform_version                   = var.compatibility == "FARGATE" ? "LATEST" : null
  deployment_minimum_healthy_percent = var.deployment.minimum_healthy_percent
  deployment_maximum_percent         = var.deployment.maximum_percent
  health_check_grace_period_seconds  = local.grace_period
  enable_execute_command             = var.enable_execute_command
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  wait_for_steady_state              = false

  deployment_controller {
    type = "ECS"
  }

  deployment_circuit_breaker {
    enable   = var.deployment.circuit_breaker
    rollback = var.deployment.rollback
  }

  dynamic "alarms" {
    for_each = var.deployment_alarms == null ? [] : [var.deployment_alarms]
    content {
      enable      = true
      rollback    = alarms.value.rollback
      alarm_names = alarms.value.alarm_names
    }
  }

  dynamic "capacity_provider_strategy" {
    for_each = local.capacity_provider_strategy
    content {
      capacity_provider = capacity_provider_strategy.value.capacity_provider
      weight            = capacity_provider_strategy.value.weight
      base              = capacity_provider_strategy.value.base
    }
  }

  # The security group is referenced here directly, not through a local: checkov's CKV2_AWS_5 graph check
  # only sees a security group as attached through a direct reference.
  dynamic "network_configuration" {
    for_each = local.awsvpc ? [1] : []
    content {
      subnets          = var.subnet_ids
      security_groups  = concat([aws_security_group.this[0].id], var.additional_security_group_ids)
      assign_public_ip = false
    }
  }

  dynamic "load_balancer" {
    for_each = local.service_load_balancers
    content {
      target_group_arn = load_balancer.value.target_group_arn
      container_name   = load_balancer.value.container_name
      container_port   = load_balancer.value.container_port
    }
  }

  dynamic "ordered_placement_strategy" {
    for_each = local.placement_strategy
    content {
      type  = ordered_placement_strategy.value.type
      field = ordered_placement_strategy.value.field
    }
  }

  dynamic "service_registries" {
    for_each = local.service_registries
    content {
      registry_arn   = service_registries.value.registry_arn
      container_name = service_registries.value.container_name
      container_port = service_registries.value.container_port
    }
  }

  dynamic "service_connect_configuration" {
    for_each = local.service_connect
    content {
      enabled   = true
      namespace = service_connect_configuration.value.namespace

      dynamic "service" {
        for_each = service_connect_configuration.value.services
        content {
          port_name      = service.value.port_name
          discovery_name = service.value.discovery_name
          client_alias {
            port     = service.value.client_alias_port
            dns_name = service.value.client_alias_dns
          }
        }
      }

      log_configuration {
        log_driver = "awslogs"
        options    = service_connect_configuration.value.log_options
      }
    }
  }

  tags = local.service_tags

  lifecycle {
    # desired_count belongs to autoscaling / operators after creation.
    ignore_changes = [desired_count]

    precondition {
      condition     = length(local.service_problems) == 0
      error_message = join(" ", local.service_problems)
    }
  }
}

resource "aws_ecs_service" "ci_owned" {
  count = var.ci_owns_task_definition ? 1 : 0

  name                               = var.name
  cluster                            = var.cluster_arn
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  launch_type                        = var.launch_type
  platform_version                   = var.compatibility == "FARGATE" ? "LATEST" : null
  deployment_minimum_healthy_percent = var.deployment.minimum_healthy_percent
  deployment_maximum_percent         = var.deployment.maximum_percent
  health_check_grace_period_seconds  = local.grace_period
  enable_execute_command             = var.enable_execute_command
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  wait_for_steady_state              = false

  deployment_controller {
    type = "ECS"
  }

  deployment_circuit_breaker {
    enable   = var.deployment.circuit_breaker
    rollback = var.deployment.rollback
  }

  dynamic "alarms" {
    for_each = var.deployment_alarms == null ? [] : [var.deployment_alarms]
    content {
      enable      = true
      rollback    = alarms.value.rollback
      alarm_names = alarms.value.alarm_names
    }
  }

  dynamic "capacity_provider_strategy" {
    for_each = local.capacity_provider_strategy
    content {
      capacity_provider = capacity_provider_strategy.value.capacity_provider
      weight            = capacity_provider_strategy.value.weight
      base              = capacity_provider_strategy.value.base
    }
  }

  # The security group is referenced here directly, not through a local: checkov's CKV2_AWS_5 graph check
  # only sees a security group as attached through a direct reference.
  dynamic "network_configuration" {
    for_each = local.awsvpc ? [1] : []
    content {
      subnets          = var.subnet_ids
      security_groups  = concat([aws_security_group.this[0].id], var.additional_security_group_ids)
      assign_public_ip = false
    }
  }

  dynamic "load_balancer" {
    for_each = local.service_load_balancers
    content {
      target_group_arn = load_balancer.value.target_group_arn
      container_name   = load_balancer.value.container_name
      container_port   = load_balancer.value.container_port
    }
  }

  dynamic "ordered_placement_strategy" {
    for_each = local.placement_strategy
    content {
      type  = ordered_placement_strategy.value.type
      field = ordered_placement_strategy.value.field
    }
  }

  dynamic "service_registries" {
    for_each = local.service_registries
    content {
      registry_arn   = service_registries.value.registry_arn
      container_name = service_registries.value.container_name
      container_port = service_registries.value.container_port
    }
  }

  dynamic "service_connect_configuration" {
    for_each = local.service_connect
    content {
      enabled   = true
      namespace = service_connect_configuration.value.namespace

      dynamic "service" {
        for_each = service_connect_configuration.value.services
        content {
          port_name      = service.value.port_name
          discovery_name = service.value.discovery_name
          client_alias {
            port     = service.value.client_alias_port
            dns_name = service.value.client_alias_dns
          }
        }
      }

      log_configuration {
        log_driver = "awslogs"
        options    = service_connect_configuration.value.log_options
      }
    }
  }

  tags = local.service_tags

  lifecycle {
    # CI (slipway's ecs-deploy) registers new revisions and points the service at them; Terraform must
    # not roll them back. desired_count belongs to autoscaling / operators after creation.
    ignore_changes = [desired_count, task_definition]

    precondition {
      condition     = length(local.service_problems) == 0
      error_message = join(" ", local.service_problems)
    }
  }
}

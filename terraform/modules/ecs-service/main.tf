data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  cluster_name   = element(split("/", var.cluster_arn), 1)
  container_name = coalesce(var.container.name, var.name)
  log_group_name = coalesce(var.log.group_name, "/ecs/${local.cluster_name}/${var.name}")
  awsvpc         = var.network_mode == "awsvpc"
  has_lb         = length(var.load_balancers) > 0

  # Secrets: the IAM resource of a Secrets Manager reference is the secret ARN without the
  # ":json-key:version-stage:version-id" suffix ECS allows in valueFrom.
  ssm_parameter_arns = distinct([for v in values(var.container.secrets) : v if can(regex(":ssm:", v))])
  secret_arns        = distinct([for v in values(var.container.secrets) : join(":", slice(split(":", v), 0, 7)) if can(regex(":secretsmanager:", v))])

  fargate_memory = {
    256   = [512, 1024, 2048]
    512   = range(1024, 4097, 1024)
    1024  = range(2048, 8193, 1024)
    2048  = range(4096, 16385, 1024)
    4096  = range(8192, 30721, 1024)
    8192  = range(16384, 61441, 4096)
    16384 = range(32768, 122881, 8192)
  }
  fargate_combo_ok = contains(lookup(local.fargate_memory, tostring(var.task_cpu), []), var.task_memory)

  port_mappings = var.container.port == null ? [] : [merge(
    {
      containerPort = var.container.port
      hostPort      = var.network_mode == "bridge" ? 0 : var.container.port
      protocol      = "tcp"
    },
    var.container.port_name == null ? {} : { name = var.container.port_name },
    var.container.port_name == null || var.container.app_protocol == null ? {} : { appProtocol = var.container.app_protocol },
  )]

  container_definition = merge(
    {
      name                   = local.container_name
      image                  = var.container.image
      essential              = true
      portMappings           = local.port_mappings
      environment            = [for k in sort(keys(var.container.environment)) : { name = k, value = var.container.environment[k] }]
      secrets                = [for k in sort(keys(var.container.secrets)) : { name = k, valueFrom = var.container.secrets[k] }]
      readonlyRootFilesystem = var.container.readonly_root_filesystem
      stopTimeout            = var.container.stop_timeout
      linuxParameters        = { initProcessEnabled = true }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = data.aws_region.current.name
          awslogs-stream-prefix = "ecs"
        }
      }
    },
    var.container.command == null ? {} : { command = var.container.command },
    var.container.user == null ? {} : { user = var.container.user },
    var.container.health_check == null ? {} : {
      healthCheck = {
        command     = var.container.health_check.command
        interval    = var.container.health_check.interval
        timeout     = var.container.health_check.timeout
        retries     = var.container.health_check.retries
        startPeriod = var.container.health_check.start_period
      }
    },
  )

  service_registry_srv = var.service_discovery != null && try(var.service_discovery.dns_record_type, "A") == "SRV"

  capacity_provider_strategy = var.launch_type == null ? var.capacity_provider_strategy : []
  grace_period               = local.has_lb ? coalesce(var.health_check_grace_period_seconds, 60) : null

  service_tags = merge(var.tags, { "slipway:ci-owns-task-definition" = tostring(var.ci_owns_task_definition) })
}

# ---------------------------------------------------------------------------------------------------------
# Logs
# ---------------------------------------------------------------------------------------------------------
resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_338:Retention is a per-service cost and compliance decision (var.log.retention_in_days, default 30 days); long-term audit logs belong in a central archive.
  #checkov:skip=CKV_AWS_158:KMS encryption is opt-in through var.log.kms_key_arn; CloudWatch Logs always encrypts at rest with its own keys.
  name              = local.log_group_name
  retention_in_days = var.log.retention_in_days
  kms_key_id        = var.log.kms_key_arn

  tags = var.tags
}

# ---------------------------------------------------------------------------------------------------------
# IAM: execution role (ECS agent: pull image, write own logs, read own secrets) and task role (the app)
# ---------------------------------------------------------------------------------------------------------
locals {
  # Confused-deputy protection: only ECS acting for this account may assume the roles.
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Condition = {
        StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:${data.aws_partition.current.partition}:ecs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:*" }
      }
    }]
  })
}

resource "aws_iam_role" "execution" {
  name_prefix        = "${substr(var.name, 0, 26)}-exec-"
  description        = "ECS execution role of ${var.name}: pull its images, write its logs, read its secrets"
  assume_role_policy = local.assume_role_policy

  tags = var.tags
}

locals {
  execution_statements = concat(
    [{ Sid = "Logs", Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "${aws_cloudwatch_log_group.this.arn}:*" }],
    [for st in [
      { Sid = "EcrAuth", Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" },
      { Sid = "EcrPull", Effect = "Allow", Action = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource = var.ecr_repository_arns },
    ] : st if length(var.ecr_repository_arns) > 0],
    [for st in [{ Sid = "SsmParameters", Effect = "Allow", Action = "ssm:GetParameters", Resource = local.ssm_parameter_arns }] : st if length(local.ssm_parameter_arns) > 0],
    [for st in [{ Sid = "Secrets", Effect = "Allow", Action = "secretsmanager:GetSecretValue", Resource = local.secret_arns }] : st if length(local.secret_arns) > 0],
    [for st in [{
      Sid      = "DecryptSecrets"
      Effect   = "Allow"
      Action   = "kms:Decrypt"
      Resource = var.secrets_kms_key_arns
      Condition = { StringEquals = { "kms:ViaService" = [
        "ssm.${data.aws_region.current.name}.amazonaws.com",
        "secretsmanager.${data.aws_region.current.name}.amazonaws.com",
      ] } }
    }] : st if length(var.secrets_kms_key_arns) > 0],
  )

  task_statements = concat(
    [for s in var.task_role_policy_statements : merge(
      { Effect = s.effect, Action = s.actions, Resource = s.resources },
      s.sid == null ? {} : { Sid = s.sid },
      length(s.conditions) == 0 ? {} : { Condition = { for test in distinct([for c in s.conditions : c.test]) : test => { for c in s.conditions : c.variable => c.values if c.test == test } } },
    )],
    [for st in [{
      Sid      = "ExecuteCommand"
      Effect   = "Allow"
      Action   = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
      Resource = "*"
    }] : st if var.enable_execute_command],
  )
}

resource "aws_iam_role_policy" "execution" {
  name   = "execution"
  role   = aws_iam_role.execution.id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.execution_statements })
}

resource "aws_iam_role" "task" {
  name_prefix        = "${substr(var.name, 0, 26)}-task-"
  description        = "ECS task role of ${var.name}: what the application may do"
  assume_role_policy = local.assume_role_policy

  tags = var.tags
}

resource "aws_iam_role_policy" "task" {
  count = length(local.task_statements) > 0 ? 1 : 0

  name   = "task"
  role   = aws_iam_role.task.id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.task_statements })
}

# ---------------------------------------------------------------------------------------------------------
# Task definition (the bootstrap revision when CI owns the task definition)
# ---------------------------------------------------------------------------------------------------------
resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = [var.compatibility]
  network_mode             = var.network_mode
  cpu                      = tostring(var.task_cpu)
  memory                   = tostring(var.task_memory)
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([local.container_definition])
  # Revisions registered by CI reference the same family; never deregister ours under them.
  skip_destroy = var.ci_owns_task_definition

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.compatibility != "FARGATE" || var.network_mode == "awsvpc"
      error_message = "compatibility is FARGATE but network_mode is \"${var.network_mode}\"; Fargate tasks need network_mode = \"awsvpc\"."
    }
    precondition {
      condition     = var.compatibility != "FARGATE" || local.fargate_combo_ok
      error_message = "task_cpu ${var.task_cpu} with task_memory ${var.task_memory} is not a Fargate size; valid memory for ${var.task_cpu} CPU: ${jsonencode(lookup(local.fargate_memory, tostring(var.task_cpu), []))}."
    }
    precondition {
      condition     = var.container.port_name != null || var.service_connect == null || !try(var.service_connect.server, true)
      error_message = "service_connect.server is true but container.port_name is not set; Service Connect publishes a named port mapping."
    }
  }
}

# ---------------------------------------------------------------------------------------------------------
# Networking (awsvpc)
# ---------------------------------------------------------------------------------------------------------
resource "aws_security_group" "this" {
  count = local.awsvpc ? 1 : 0

  name_prefix = "${substr(var.name, 0, 28)}-"
  description = "Tasks of ECS service ${var.name}"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    create_before_destroy = true
    precondition {
      condition     = var.vpc_id != null && length(var.subnet_ids) > 0
      error_message = "network_mode is awsvpc, so vpc_id and subnet_ids must be set."
    }
  }
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  #checkov:skip=CKV_AWS_260:False positive: the rule admits only the referenced security group (e.g. the load balancer), never a CIDR.
  for_each = local.awsvpc && var.container.port != null ? var.ingress_from_security_groups : {}

  security_group_id            = aws_security_group.this[0].id
  description                  = "${each.key} to ${var.name}:${var.container.port}"
  referenced_security_group_id = each.value
  from_port                    = var.container.port
  to_port                      = var.container.port
  ip_protocol                  = "tcp"

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "all" {
  count = local.awsvpc ? 1 : 0

  security_group_id = aws_security_group.this[0].id
  description       = "Outbound: AWS APIs, ECR, and the service's dependencies"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"

  tags = var.tags
}

# ---------------------------------------------------------------------------------------------------------
# Cloud Map (DNS-based discovery; e.g. gRPC clients resolving peers directly)
# ---------------------------------------------------------------------------------------------------------
resource "aws_service_discovery_service" "this" {
  count = var.service_discovery == null ? 0 : 1

  name = coalesce(try(var.service_discovery.name, null), var.name)

  dns_config {
    namespace_id   = var.service_discovery.namespace_id
    routing_policy = "MULTIVALUE"

    dns_records {
      type = var.service_discovery.dns_record_type
      ttl  = var.service_discovery.dns_ttl
    }
  }

  health_check_custom_config {
    failure_threshold = 1
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = local.awsvpc || local.service_registry_srv
      error_message = "service_discovery.dns_record_type must be \"SRV\" with network_mode \"${var.network_mode}\" (A records need awsvpc)."
    }
    precondition {
      condition     = !local.service_registry_srv || var.container.port != null
      error_message = "service_discovery with SRV records needs container.port."
    }
  }
}

# ---------------------------------------------------------------------------------------------------------
# Service. Terraform lifecycle blocks cannot be conditional, so the "CI owns the task definition" switch
# picks one of two otherwise identical resources. Keep them in sync.
# ---------------------------------------------------------------------------------------------------------
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

  dynamic "network_configuration" {
    for_each = local.awsvpc ? [1] : []
    content {
      subnets          = var.subnet_ids
      security_groups  = concat([aws_security_group.this[0].id], var.additional_security_group_ids)
      assign_public_ip = false
    }
  }

  dynamic "load_balancer" {
    for_each = var.load_balancers
    content {
      target_group_arn = load_balancer.value.target_group_arn
      container_name   = coalesce(load_balancer.value.container_name, local.container_name)
      container_port   = coalesce(load_balancer.value.container_port, var.container.port)
    }
  }

  dynamic "ordered_placement_strategy" {
    for_each = var.compatibility == "EC2" ? [{ type = "spread", field = "attribute:ecs.availability-zone" }, { type = "binpack", field = "memory" }] : []
    content {
      type  = ordered_placement_strategy.value.type
      field = ordered_placement_strategy.value.field
    }
  }

  dynamic "service_registries" {
    for_each = aws_service_discovery_service.this
    content {
      registry_arn   = service_registries.value.arn
      container_name = local.service_registry_srv ? local.container_name : null
      container_port = local.service_registry_srv ? var.container.port : null
    }
  }

  dynamic "service_connect_configuration" {
    for_each = var.service_connect == null ? [] : [var.service_connect]
    content {
      enabled   = true
      namespace = service_connect_configuration.value.namespace

      dynamic "service" {
        for_each = service_connect_configuration.value.server ? [1] : []
        content {
          port_name      = var.container.port_name
          discovery_name = coalesce(service_connect_configuration.value.discovery_name, var.name)
          client_alias {
            port     = coalesce(service_connect_configuration.value.client_alias_port, var.container.port)
            dns_name = service_connect_configuration.value.client_alias_dns
          }
        }
      }

      log_configuration {
        log_driver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = data.aws_region.current.name
          awslogs-stream-prefix = "service-connect"
        }
      }
    }
  }

  tags = local.service_tags

  lifecycle {
    # desired_count belongs to autoscaling / operators after creation.
    ignore_changes = [desired_count]

    precondition {
      condition     = var.launch_type != null || length(var.capacity_provider_strategy) > 0
      error_message = "Set launch_type or a non-empty capacity_provider_strategy; relying on the cluster default strategy makes every plan replace the service."
    }
    precondition {
      condition     = var.launch_type == null || var.launch_type == var.compatibility
      error_message = "launch_type \"${coalesce(var.launch_type, "null")}\" does not match compatibility \"${var.compatibility}\"."
    }
    precondition {
      condition     = !local.has_lb || var.container.port != null || alltrue([for lb in var.load_balancers : lb.container_port != null])
      error_message = "load_balancers need a container port: set container.port or load_balancers[*].container_port."
    }
    precondition {
      condition     = var.health_check_grace_period_seconds == null || local.has_lb
      error_message = "health_check_grace_period_seconds only applies to services with load_balancers."
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

  dynamic "network_configuration" {
    for_each = local.awsvpc ? [1] : []
    content {
      subnets          = var.subnet_ids
      security_groups  = concat([aws_security_group.this[0].id], var.additional_security_group_ids)
      assign_public_ip = false
    }
  }

  dynamic "load_balancer" {
    for_each = var.load_balancers
    content {
      target_group_arn = load_balancer.value.target_group_arn
      container_name   = coalesce(load_balancer.value.container_name, local.container_name)
      container_port   = coalesce(load_balancer.value.container_port, var.container.port)
    }
  }

  dynamic "ordered_placement_strategy" {
    for_each = var.compatibility == "EC2" ? [{ type = "spread", field = "attribute:ecs.availability-zone" }, { type = "binpack", field = "memory" }] : []
    content {
      type  = ordered_placement_strategy.value.type
      field = ordered_placement_strategy.value.field
    }
  }

  dynamic "service_registries" {
    for_each = aws_service_discovery_service.this
    content {
      registry_arn   = service_registries.value.arn
      container_name = local.service_registry_srv ? local.container_name : null
      container_port = local.service_registry_srv ? var.container.port : null
    }
  }

  dynamic "service_connect_configuration" {
    for_each = var.service_connect == null ? [] : [var.service_connect]
    content {
      enabled   = true
      namespace = service_connect_configuration.value.namespace

      dynamic "service" {
        for_each = service_connect_configuration.value.server ? [1] : []
        content {
          port_name      = var.container.port_name
          discovery_name = coalesce(service_connect_configuration.value.discovery_name, var.name)
          client_alias {
            port     = coalesce(service_connect_configuration.value.client_alias_port, var.container.port)
            dns_name = service_connect_configuration.value.client_alias_dns
          }
        }
      }

      log_configuration {
        log_driver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = data.aws_region.current.name
          awslogs-stream-prefix = "service-connect"
        }
      }
    }
  }

  tags = local.service_tags

  lifecycle {
    # CI (slipway's ecs-deploy) registers new revisions and points the service at them; Terraform must
    # not roll them back. desired_count belongs to autoscaling / operators after creation.
    ignore_changes = [desired_count, task_definition]

    precondition {
      condition     = var.launch_type != null || length(var.capacity_provider_strategy) > 0
      error_message = "Set launch_type or a non-empty capacity_provider_strategy; relying on the cluster default strategy makes every plan replace the service."
    }
    precondition {
      condition     = var.launch_type == null || var.launch_type == var.compatibility
      error_message = "launch_type \"${coalesce(var.launch_type, "null")}\" does not match compatibility \"${var.compatibility}\"."
    }
    precondition {
      condition     = !local.has_lb || var.container.port != null || alltrue([for lb in var.load_balancers : lb.container_port != null])
      error_message = "load_balancers need a container port: set container.port or load_balancers[*].container_port."
    }
    precondition {
      condition     = var.health_check_grace_period_seconds == null || local.has_lb
      error_message = "health_check_grace_period_seconds only applies to services with load_balancers."
    }
  }
}

locals {
  service = try(aws_ecs_service.this[0], aws_ecs_service.ci_owned[0])
}

# ---------------------------------------------------------------------------------------------------------
# Autoscaling
# ---------------------------------------------------------------------------------------------------------
resource "aws_appautoscaling_target" "this" {
  count = var.autoscaling == null ? 0 : 1

  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${local.cluster_name}/${var.name}"
  min_capacity       = var.autoscaling.min_capacity
  max_capacity       = var.autoscaling.max_capacity

  tags = var.tags

  depends_on = [aws_ecs_service.this, aws_ecs_service.ci_owned]

  lifecycle {
    precondition {
      condition     = try(var.autoscaling.request_count_target == null || var.autoscaling.request_count_resource_label != null, true)
      error_message = "autoscaling.request_count_target needs autoscaling.request_count_resource_label (\"<lb arn suffix>/<target group arn suffix>\")."
    }
  }
}

resource "aws_appautoscaling_policy" "cpu" {
  count = try(var.autoscaling.cpu_target, null) == null ? 0 : 1

  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling.cpu_target
    scale_in_cooldown  = var.autoscaling.scale_in_cooldown
    scale_out_cooldown = var.autoscaling.scale_out_cooldown
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "memory" {
  count = try(var.autoscaling.memory_target, null) == null ? 0 : 1

  name               = "${var.name}-memory"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling.memory_target
    scale_in_cooldown  = var.autoscaling.scale_in_cooldown
    scale_out_cooldown = var.autoscaling.scale_out_cooldown
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  count = try(var.autoscaling.request_count_target, null) == null ? 0 : 1

  name               = "${var.name}-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling.request_count_target
    scale_in_cooldown  = var.autoscaling.scale_in_cooldown
    scale_out_cooldown = var.autoscaling.scale_out_cooldown
    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = var.autoscaling.request_count_resource_label
    }
  }
}

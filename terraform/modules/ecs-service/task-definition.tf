# ecs-service task definition: the container definition built from var.container, and the task definition
# revision Terraform registers (only the bootstrap revision when CI owns the task definition).
locals {
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
}

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

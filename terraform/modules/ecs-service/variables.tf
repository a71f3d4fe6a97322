# long-file: one declarative table of the module's inputs. scripts/terraform/docs.mjs builds the README
# Inputs table from variables.tf alone, so splitting it (variables-<concern>.tf) would drop inputs from the docs.

variable "name" {
  description = "Service name; also the task definition family, log group suffix and role name prefix."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,62}$", var.name))
    error_message = "name must start with a letter and hold up to 63 letters, digits, hyphens and underscores; got \"${var.name}\"."
  }
}

variable "cluster_arn" {
  description = "ARN of the ECS cluster to run in."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/[a-zA-Z0-9_-]+$", var.cluster_arn))
    error_message = "cluster_arn must be an ECS cluster ARN (arn:aws:ecs:<region>:<account>:cluster/<name>); got \"${var.cluster_arn}\"."
  }
}

variable "compatibility" {
  description = "Where tasks run: \"FARGATE\" or \"EC2\"."
  type        = string
  default     = "FARGATE"

  validation {
    condition     = contains(["FARGATE", "EC2"], var.compatibility)
    error_message = "compatibility must be \"FARGATE\" or \"EC2\"; got \"${var.compatibility}\"."
  }
}

variable "network_mode" {
  description = "Task network mode: \"awsvpc\" (required on Fargate), \"bridge\" (EC2, dynamic host ports) or \"host\"."
  type        = string
  default     = "awsvpc"

  validation {
    condition     = contains(["awsvpc", "bridge", "host"], var.network_mode)
    error_message = "network_mode must be \"awsvpc\", \"bridge\" or \"host\"; got \"${var.network_mode}\"."
  }
}

variable "cpu_architecture" {
  description = "CPU architecture of the image: \"X86_64\" or \"ARM64\"."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be \"X86_64\" or \"ARM64\"; got \"${var.cpu_architecture}\"."
  }
}

variable "task_cpu" {
  description = "Task CPU units (256 = 0.25 vCPU)."
  type        = number
  default     = 256

  validation {
    condition     = contains([128, 256, 512, 1024, 2048, 4096, 8192, 16384], var.task_cpu)
    error_message = "task_cpu must be one of 128 (EC2 only), 256, 512, 1024, 2048, 4096, 8192, 16384; got ${var.task_cpu}."
  }
}

variable "task_memory" {
  description = "Task memory in MiB. On Fargate it must be a valid combination with task_cpu."
  type        = number
  default     = 512

  validation {
    condition     = var.task_memory >= 128 && var.task_memory <= 122880 && floor(var.task_memory) == var.task_memory
    error_message = "task_memory must be a whole number of MiB from 128 to 122880; got ${var.task_memory}."
  }
}

variable "container" {
  description = "The application container. `image` is only the bootstrap image when CI owns the task definition. `secrets` maps environment variable names to SSM parameter or Secrets Manager ARNs; the execution role may read exactly those."
  type = object({
    name                     = optional(string)
    image                    = string
    port                     = optional(number)
    port_name                = optional(string)
    app_protocol             = optional(string)
    command                  = optional(list(string))
    environment              = optional(map(string), {})
    secrets                  = optional(map(string), {})
    readonly_root_filesystem = optional(bool, true)
    user                     = optional(string)
    stop_timeout             = optional(number, 30)
    health_check = optional(object({
      command      = list(string)
      interval     = optional(number, 30)
      timeout      = optional(number, 5)
      retries      = optional(number, 3)
      start_period = optional(number, 10)
    }))
  })

  validation {
    condition     = length(trimspace(var.container.image)) > 0 && !strcontains(var.container.image, " ")
    error_message = "container.image must be an image reference without spaces, e.g. \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:bootstrap\"; got \"${var.container.image}\"."
  }

  validation {
    condition     = var.container.port == null || try(var.container.port >= 1 && var.container.port <= 65535, false)
    error_message = "container.port must be 1-65535; got ${coalesce(var.container.port, -1)}."
  }

  validation {
    condition     = var.container.app_protocol == null || contains(["http", "http2", "grpc"], coalesce(var.container.app_protocol, "-"))
    error_message = "container.app_protocol must be \"http\", \"http2\" or \"grpc\"; got \"${coalesce(var.container.app_protocol, "null")}\"."
  }

  validation {
    condition     = alltrue([for k, v in var.container.secrets : can(regex("^arn:aws[a-z-]*:(ssm:[a-z0-9-]+:[0-9]{12}:parameter/.+|secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+)$", v))])
    error_message = "container.secrets values must be SSM parameter ARNs (arn:aws:ssm:<region>:<account>:parameter/<name>) or Secrets Manager ARNs (arn:aws:secretsmanager:...:secret:<name>); got ${jsonencode(values(var.container.secrets))}."
  }

  validation {
    condition     = alltrue([for k in concat(keys(var.container.environment), keys(var.container.secrets)) : can(regex("^[A-Za-z_][A-Za-z0-9_]*$", k))])
    error_message = "container.environment and container.secrets keys must be environment variable names ([A-Za-z_][A-Za-z0-9_]*); got ${jsonencode(concat(keys(var.container.environment), keys(var.container.secrets)))}."
  }

  validation {
    condition     = length(setintersection(keys(var.container.environment), keys(var.container.secrets))) == 0
    error_message = "container.environment and container.secrets both set ${jsonencode(setintersection(keys(var.container.environment), keys(var.container.secrets)))}; a variable must come from one or the other."
  }
}

variable "ecr_repository_arns" {
  description = "ECR repositories the execution role may pull from (the image repositories of this service). Empty means no ECR pull permission (public images only)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.ecr_repository_arns : can(regex("^arn:aws[a-z-]*:ecr:[a-z0-9-]+:[0-9]{12}:repository/.+$", a))])
    error_message = "ecr_repository_arns must hold ECR repository ARNs; got ${jsonencode(var.ecr_repository_arns)}."
  }
}

variable "secrets_kms_key_arns" {
  description = "Customer managed KMS keys that encrypt the SSM parameters/secrets in container.secrets; the execution role gets kms:Decrypt on them (via SSM/Secrets Manager only)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.secrets_kms_key_arns : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", a))])
    error_message = "secrets_kms_key_arns must hold KMS key ARNs; got ${jsonencode(var.secrets_kms_key_arns)}."
  }
}

variable "task_role_policy_statements" {
  description = "IAM statements for what the application itself may do (the task role). Empty gives the task role no permissions."
  type = list(object({
    sid       = optional(string)
    effect    = optional(string, "Allow")
    actions   = list(string)
    resources = list(string)
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
  default = []

  validation {
    condition     = alltrue([for s in var.task_role_policy_statements : contains(["Allow", "Deny"], s.effect) && length(s.actions) > 0 && length(s.resources) > 0])
    error_message = "task_role_policy_statements: each statement needs effect Allow or Deny and at least one action and one resource."
  }

  validation {
    condition     = !anytrue([for s in var.task_role_policy_statements : s.effect == "Allow" && contains(s.actions, "*") && contains(s.resources, "*")])
    error_message = "task_role_policy_statements must not allow \"*\" on \"*\" (administrator access for the application)."
  }
}

variable "log" {
  description = "The service's CloudWatch log group: retention in days and an optional KMS key."
  type = object({
    retention_in_days = optional(number, 30)
    kms_key_arn       = optional(string)
    group_name        = optional(string)
  })
  default = {}

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log.retention_in_days)
    error_message = "log.retention_in_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653); got ${var.log.retention_in_days}."
  }

  validation {
    condition     = var.log.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", coalesce(var.log.kms_key_arn, "-")))
    error_message = "log.kms_key_arn must be a KMS key ARN; got \"${coalesce(var.log.kms_key_arn, "null")}\"."
  }
}

variable "desired_count" {
  description = "Initial number of tasks. Terraform sets it at creation only (autoscaling and operators own it afterwards; see README)."
  type        = number
  default     = 2

  validation {
    condition     = var.desired_count >= 0 && var.desired_count <= 5000 && floor(var.desired_count) == var.desired_count
    error_message = "desired_count must be a whole number from 0 to 5000; got ${var.desired_count}."
  }
}

variable "capacity_provider_strategy" {
  description = "Capacity provider strategy of the service. Set it explicitly (rather than inheriting the cluster default) so that plans stay clean. Ignored when launch_type is set."
  type = list(object({
    capacity_provider = string
    weight            = optional(number, 1)
    base              = optional(number, 0)
  }))
  default = [{ capacity_provider = "FARGATE", weight = 1, base = 0 }]

  validation {
    condition     = alltrue([for s in var.capacity_provider_strategy : s.weight >= 0 && s.weight <= 1000 && s.base >= 0 && s.base <= 100000]) && length([for s in var.capacity_provider_strategy : s if s.base > 0]) <= 1
    error_message = "capacity_provider_strategy weights must be 0-1000, bases 0-100000, and at most one entry may have a base; got ${jsonencode(var.capacity_provider_strategy)}."
  }
}

variable "launch_type" {
  description = "Launch type instead of a capacity provider strategy (\"FARGATE\" or \"EC2\"). Null uses capacity_provider_strategy."
  type        = string
  default     = null

  validation {
    condition     = var.launch_type == null || contains(["FARGATE", "EC2"], coalesce(var.launch_type, "-"))
    error_message = "launch_type must be null, \"FARGATE\" or \"EC2\"; got \"${coalesce(var.launch_type, "null")}\"."
  }
}

variable "subnet_ids" {
  description = "Subnets for awsvpc tasks (private subnets)."
  type        = list(string)
  default     = []
}

variable "vpc_id" {
  description = "VPC of the service security group (required with awsvpc networking)."
  type        = string
  default     = null
}

variable "ingress_from_security_groups" {
  description = "awsvpc only: map of label to security group ID allowed to reach container.port (e.g. { alb = module.alb.security_group_id }). Labels must be static."
  type        = map(string)
  default     = {}
}

variable "additional_security_group_ids" {
  description = "awsvpc only: more security groups to attach to the tasks."
  type        = list(string)
  default     = []
}

variable "deployment" {
  description = "Rolling deployment settings: minimum healthy and maximum percent, and the circuit breaker (with rollback)."
  type = object({
    minimum_healthy_percent = optional(number, 100)
    maximum_percent         = optional(number, 200)
    circuit_breaker         = optional(bool, true)
    rollback                = optional(bool, true)
  })
  default = {}

  validation {
    condition     = var.deployment.minimum_healthy_percent >= 0 && var.deployment.minimum_healthy_percent <= 100
    error_message = "deployment.minimum_healthy_percent must be 0-100; got ${var.deployment.minimum_healthy_percent}."
  }

  validation {
    condition     = var.deployment.maximum_percent >= 100 && var.deployment.maximum_percent <= 200
    error_message = "deployment.maximum_percent must be 100-200; got ${var.deployment.maximum_percent}."
  }

  validation {
    condition     = var.deployment.minimum_healthy_percent < var.deployment.maximum_percent
    error_message = "deployment.minimum_healthy_percent (${var.deployment.minimum_healthy_percent}) must be below deployment.maximum_percent (${var.deployment.maximum_percent}) or a deployment can never start a task."
  }

  validation {
    condition     = var.deployment.circuit_breaker || !var.deployment.rollback
    error_message = "deployment.rollback needs deployment.circuit_breaker = true (rollback is what the circuit breaker does when it trips)."
  }
}

variable "deployment_alarms" {
  description = "CloudWatch alarms that fail (and optionally roll back) a deployment when they go into ALARM, e.g. the monitoring module's deployment_alarm_names. Null disables."
  type = object({
    alarm_names = list(string)
    rollback    = optional(bool, true)
  })
  default = null

  validation {
    condition     = var.deployment_alarms == null || try(length(var.deployment_alarms.alarm_names) > 0 && length(var.deployment_alarms.alarm_names) <= 10, false)
    error_message = "deployment_alarms.alarm_names must list 1-10 alarm names (or set deployment_alarms = null)."
  }
}

variable "load_balancers" {
  description = "Target groups to register tasks in. container_name defaults to the container's name, container_port to container.port."
  type = list(object({
    target_group_arn = string
    container_name   = optional(string)
    container_port   = optional(number)
  }))
  default = []

  validation {
    condition     = length(var.load_balancers) <= 5
    error_message = "load_balancers may attach at most 5 target groups; got ${length(var.load_balancers)}."
  }
}

variable "health_check_grace_period_seconds" {
  description = "Seconds ECS ignores load balancer health checks after a task starts. Defaults to 60 when load_balancers is set."
  type        = number
  default     = null

  validation {
    condition     = var.health_check_grace_period_seconds == null || try(var.health_check_grace_period_seconds >= 0 && var.health_check_grace_period_seconds <= 2147483647, false)
    error_message = "health_check_grace_period_seconds must be 0 or more; got ${coalesce(var.health_check_grace_period_seconds, -1)}."
  }
}

variable "service_connect" {
  description = "ECS Service Connect: namespace (Cloud Map namespace ARN or name); server = true publishes container.port_name as discovery_name (client alias port defaults to container.port)."
  type = object({
    namespace         = string
    server            = optional(bool, true)
    discovery_name    = optional(string)
    client_alias_port = optional(number)
    client_alias_dns  = optional(string)
  })
  default = null
}

variable "service_discovery" {
  description = "Cloud Map (DNS) registration in a private DNS namespace: A records for awsvpc, SRV records (required) for bridge/host."
  type = object({
    namespace_id    = string
    name            = optional(string)
    dns_record_type = optional(string, "A")
    dns_ttl         = optional(number, 10)
  })
  default = null

  validation {
    condition     = var.service_discovery == null || contains(["A", "SRV"], try(var.service_discovery.dns_record_type, "-"))
    error_message = "service_discovery.dns_record_type must be \"A\" or \"SRV\"."
  }
}

variable "autoscaling" {
  description = "Target tracking autoscaling between min_capacity and max_capacity on CPU, memory and/or ALB requests per target (request_count_resource_label = \"<lb arn suffix>/<target group arn suffix>\", the alb module's request_count_resource_labels). Null disables."
  type = object({
    min_capacity                 = number
    max_capacity                 = number
    cpu_target                   = optional(number)
    memory_target                = optional(number)
    request_count_target         = optional(number)
    request_count_resource_label = optional(string)
    scale_in_cooldown            = optional(number, 300)
    scale_out_cooldown           = optional(number, 60)
  })
  default = null

  validation {
    condition     = var.autoscaling == null || try(var.autoscaling.min_capacity >= 0 && var.autoscaling.min_capacity <= var.autoscaling.max_capacity && var.autoscaling.max_capacity <= 5000, false)
    error_message = "autoscaling needs 0 <= min_capacity <= max_capacity <= 5000; got min_capacity=${jsonencode(try(var.autoscaling.min_capacity, null))}, max_capacity=${jsonencode(try(var.autoscaling.max_capacity, null))}."
  }

  validation {
    condition     = var.autoscaling == null || try(alltrue([for t in [var.autoscaling.cpu_target, var.autoscaling.memory_target] : t == null ? true : (t >= 10 && t <= 95)]), false)
    error_message = "autoscaling.cpu_target and autoscaling.memory_target are utilisation percentages from 10 to 95; got cpu_target=${jsonencode(try(var.autoscaling.cpu_target, null))}, memory_target=${jsonencode(try(var.autoscaling.memory_target, null))}."
  }

  validation {
    condition     = var.autoscaling == null || try(var.autoscaling.cpu_target != null || var.autoscaling.memory_target != null || var.autoscaling.request_count_target != null, false)
    error_message = "autoscaling needs at least one of cpu_target, memory_target or request_count_target."
  }
}

variable "ci_owns_task_definition" {
  description = "When true, Terraform registers only the bootstrap task definition and ignores the service's task_definition afterwards, so revisions deployed by CI (ecs-deploy) never show as drift. See README for the trade-off."
  type        = bool
  default     = true
}

variable "enable_execute_command" {
  description = "Allow `aws ecs execute-command` into tasks (adds the SSM messages permissions to the task role)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource (and propagated from the service to its tasks)."
  type        = map(string)
  default     = {}
}

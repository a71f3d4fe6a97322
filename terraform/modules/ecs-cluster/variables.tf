variable "name" {
  description = "Cluster name; also the prefix of the EC2 capacity resources."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,254}$", var.name))
    error_message = "name must start with a letter and hold up to 255 letters, digits, hyphens and underscores; got \"${var.name}\"."
  }
}

variable "container_insights" {
  description = "Container Insights level: \"enhanced\", \"enabled\" or \"disabled\". The monitoring module's running-task alarm needs it on."
  type        = string
  default     = "enabled"

  validation {
    condition     = contains(["enhanced", "enabled", "disabled"], var.container_insights)
    error_message = "container_insights must be \"enhanced\", \"enabled\" or \"disabled\"; got \"${var.container_insights}\"."
  }
}

variable "default_capacity_provider_strategy" {
  description = "Cluster default strategy used by services that set none. capacity_provider is FARGATE, FARGATE_SPOT or EC2 (EC2 means this module's Auto Scaling group provider). At most one entry may have a base."
  type = list(object({
    capacity_provider = string
    weight            = optional(number, 1)
    base              = optional(number, 0)
  }))
  default = [
    { capacity_provider = "FARGATE", weight = 1, base = 1 },
  ]

  validation {
    condition     = length(var.default_capacity_provider_strategy) > 0 && alltrue([for s in var.default_capacity_provider_strategy : contains(["FARGATE", "FARGATE_SPOT", "EC2"], s.capacity_provider)])
    error_message = "default_capacity_provider_strategy must list at least one entry and each capacity_provider must be FARGATE, FARGATE_SPOT or EC2; got ${jsonencode([for s in var.default_capacity_provider_strategy : s.capacity_provider])}."
  }

  validation {
    condition     = alltrue([for s in var.default_capacity_provider_strategy : s.weight >= 0 && s.weight <= 1000 && s.base >= 0 && s.base <= 100000])
    error_message = "default_capacity_provider_strategy weights must be 0-1000 and bases 0-100000; got ${jsonencode(var.default_capacity_provider_strategy)}."
  }

  validation {
    condition     = length([for s in var.default_capacity_provider_strategy : s if s.base > 0]) <= 1
    error_message = "default_capacity_provider_strategy: only one capacity provider may have a base greater than 0; got ${jsonencode(var.default_capacity_provider_strategy)}."
  }

  validation {
    condition     = sum(concat([0], [for s in var.default_capacity_provider_strategy : s.weight])) > 0
    error_message = "default_capacity_provider_strategy needs at least one entry with a weight above 0."
  }
}

variable "ec2_capacity" {
  description = "Optional EC2 capacity: a launch template on the ECS-optimised AMI (ARM64 by default, looked up through SSM), an instance role, an Auto Scaling group and a capacity provider with managed scaling and termination protection. Instances get IMDSv2 only, encrypted root volumes, no public IP and a security group with no ingress (add rules from the load balancers to `instance_security_group_id`)."
  type = object({
    enabled                        = optional(bool, false)
    vpc_id                         = optional(string)
    subnet_ids                     = optional(list(string), [])
    instance_type                  = optional(string, "t4g.small")
    ami_ssm_parameter              = optional(string, "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id")
    min_size                       = optional(number, 1)
    max_size                       = optional(number, 4)
    target_capacity                = optional(number, 100)
    managed_termination_protection = optional(bool, true)
    root_volume_size               = optional(number, 30)
    ebs_kms_key_arn                = optional(string)
    additional_security_group_ids  = optional(list(string), [])
    enable_ssm_session_manager     = optional(bool, true)
  })
  default = {}

  validation {
    condition     = var.ec2_capacity.min_size >= 0 && var.ec2_capacity.max_size >= 1 && var.ec2_capacity.min_size <= var.ec2_capacity.max_size
    error_message = "ec2_capacity needs 0 <= min_size <= max_size and max_size >= 1; got min_size=${var.ec2_capacity.min_size}, max_size=${var.ec2_capacity.max_size}."
  }

  validation {
    condition     = var.ec2_capacity.target_capacity >= 1 && var.ec2_capacity.target_capacity <= 100
    error_message = "ec2_capacity.target_capacity must be a percentage from 1 to 100; got ${var.ec2_capacity.target_capacity}."
  }

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.[a-z0-9]+$", var.ec2_capacity.instance_type))
    error_message = "ec2_capacity.instance_type must look like an EC2 instance type such as \"t4g.small\"; got \"${var.ec2_capacity.instance_type}\"."
  }

  validation {
    condition     = startswith(var.ec2_capacity.ami_ssm_parameter, "/aws/service/")
    error_message = "ec2_capacity.ami_ssm_parameter must be an AWS public parameter path under /aws/service/ (e.g. /aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id); got \"${var.ec2_capacity.ami_ssm_parameter}\"."
  }

  validation {
    condition     = var.ec2_capacity.root_volume_size >= 30 && var.ec2_capacity.root_volume_size <= 16384
    error_message = "ec2_capacity.root_volume_size must be 30-16384 GiB (the ECS-optimised AL2023 AMI needs 30); got ${var.ec2_capacity.root_volume_size}."
  }
}

variable "service_connect_namespace_arn" {
  description = "Cloud Map namespace ARN used as the cluster's Service Connect default. Null leaves it unset."
  type        = string
  default     = null

  validation {
    condition     = var.service_connect_namespace_arn == null || can(regex("^arn:aws[a-z-]*:servicediscovery:[a-z0-9-]+:[0-9]{12}:namespace/.+$", var.service_connect_namespace_arn))
    error_message = "service_connect_namespace_arn must be a Cloud Map namespace ARN; got \"${coalesce(var.service_connect_namespace_arn, "null")}\"."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

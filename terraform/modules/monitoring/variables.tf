variable "name" {
  description = "Prefix of the SNS topic, alarms and dashboards."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name))
    error_message = "name must be 1-64 letters, digits, hyphens and underscores; got \"${var.name}\"."
  }
}

variable "services" {
  description = "Services to watch, keyed by a static label. load_balancer_type \"application\" adds 5xx and response-time alarms, either type adds the unhealthy-hosts alarm (give the arn suffixes). Thresholds have defaults."
  type = map(object({
    cluster_name              = string
    service_name              = string
    load_balancer_type        = optional(string)
    load_balancer_arn_suffix  = optional(string)
    target_group_arn_suffix   = optional(string)
    cpu_threshold             = optional(number, 85)
    memory_threshold          = optional(number, 85)
    http_5xx_threshold        = optional(number, 10)
    response_time_threshold   = optional(number, 1.5)
    unhealthy_hosts_threshold = optional(number, 0)
    evaluation_periods        = optional(number, 3)
    period                    = optional(number, 60)
  }))

  validation {
    condition     = length(var.services) > 0
    error_message = "services must list at least one service to monitor."
  }

  validation {
    condition     = alltrue([for s in var.services : s.load_balancer_type == null || contains(["application", "network"], coalesce(s.load_balancer_type, "-"))])
    error_message = "services[*].load_balancer_type must be null, \"application\" or \"network\"; got ${jsonencode([for s in var.services : s.load_balancer_type])}."
  }

  validation {
    condition     = alltrue([for s in var.services : s.load_balancer_type == null || (s.load_balancer_arn_suffix != null && s.target_group_arn_suffix != null)])
    error_message = "services with a load_balancer_type need load_balancer_arn_suffix and target_group_arn_suffix (outputs of the alb module)."
  }

  validation {
    condition     = alltrue([for s in var.services : s.cpu_threshold > 0 && s.cpu_threshold <= 100 && s.memory_threshold > 0 && s.memory_threshold <= 100])
    error_message = "services[*].cpu_threshold and memory_threshold are percentages in (0, 100]; got ${jsonencode({ for k, s in var.services : k => [s.cpu_threshold, s.memory_threshold] })}."
  }

  validation {
    condition     = alltrue([for s in var.services : contains([10, 30, 60, 300, 900, 3600], s.period) && s.evaluation_periods >= 1 && s.evaluation_periods <= 100])
    error_message = "services[*].period must be 10, 30, 60, 300, 900 or 3600 seconds and evaluation_periods 1-100."
  }

  validation {
    condition     = alltrue([for s in var.services : s.response_time_threshold > 0 && s.http_5xx_threshold >= 0 && s.unhealthy_hosts_threshold >= 0])
    error_message = "services[*].response_time_threshold must be above 0 seconds; http_5xx_threshold and unhealthy_hosts_threshold must be 0 or more."
  }
}

variable "kms_key_arn" {
  description = "KMS key for the SNS topic. Null creates a dedicated key whose policy lets CloudWatch publish (the AWS managed alias/aws/sns key cannot be used by CloudWatch alarms)."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", coalesce(var.kms_key_arn, "-")))
    error_message = "kms_key_arn must be a KMS key ARN; got \"${coalesce(var.kms_key_arn, "null")}\"."
  }
}

variable "email_subscriptions" {
  description = "E-mail addresses subscribed to the alarm topic (each must confirm)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for e in var.email_subscriptions : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "email_subscriptions must hold e-mail addresses; got ${jsonencode(var.email_subscriptions)}."
  }
}

variable "create_dashboards" {
  description = "Create one CloudWatch dashboard per service."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

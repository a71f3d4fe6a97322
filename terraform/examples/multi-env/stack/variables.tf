variable "project" {
  description = "Project name (Project tag, resource prefix)."
  type        = string
  default     = "sports-cards"
}

variable "environment" {
  description = "dev, staging or prod."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod; got \"${var.environment}\"."
  }
}

variable "cost_code" {
  description = "8-character alphanumeric cost code from accounting (CostCode tag)."
  type        = string

  validation {
    condition     = can(regex("^[A-Z0-9]{8}$", var.cost_code))
    error_message = "cost_code must be 8 uppercase letters or digits; got \"${var.cost_code}\"."
  }
}

variable "cidr_block" {
  description = "VPC CIDR (distinct per environment and region, so that they can be peered later)."
  type        = string
}

variable "az_count" {
  description = "Availability zones."
  type        = number
  default     = 2
}

variable "nat_gateway_mode" {
  description = "NAT per network module: single for dev/staging, one_per_az for prod."
  type        = string
  default     = "single"
}

variable "certificate_arn" {
  description = "ACM certificate of the API's HTTPS listener."
  type        = string
}

variable "api" {
  description = "API service sizing."
  type = object({
    cpu           = optional(number, 512)
    memory        = optional(number, 1024)
    desired_count = optional(number, 2)
    min_capacity  = optional(number, 2)
    max_capacity  = optional(number, 6)
  })
  default = {}
}

variable "worker" {
  description = "Worker service sizing (no load balancer)."
  type = object({
    cpu           = optional(number, 256)
    memory        = optional(number, 512)
    desired_count = optional(number, 1)
    min_capacity  = optional(number, 1)
    max_capacity  = optional(number, 4)
  })
  default = {}
}

variable "log_retention_in_days" {
  description = "Retention of the service logs (7 in dev/staging, 30 in prod, as in the write-up)."
  type        = number
  default     = 7
}

variable "image_tag" {
  description = "Bootstrap image tag (CI owns the task definitions afterwards)."
  type        = string
  default     = "bootstrap"
}

variable "alarm_emails" {
  description = "Who gets alarm e-mails."
  type        = list(string)
  default     = []
}

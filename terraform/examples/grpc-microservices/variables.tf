variable "region" {
  description = "AWS region."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Platform name, prefix of every resource."
  type        = string
  default     = "comyno-staging"
}

variable "domain" {
  description = "Public domain; the ALB serves api.<domain> and front.<domain>."
  type        = string
  default     = "staging.example.com"
}

variable "route53_zone_id" {
  description = "Public hosted zone of var.domain, for certificate validation. Null leaves validation to you."
  type        = string
  default     = null
}

variable "image_tag" {
  description = "Bootstrap image tag of every service (CI owns the task definitions afterwards)."
  type        = string
  default     = "bootstrap"
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default = {
    Project     = "comyno"
    Environment = "staging"
    ManagedBy   = "terraform"
  }
}

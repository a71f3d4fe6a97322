variable "region" {
  description = "AWS region."
  type        = string
  default     = "ap-south-1"
}

variable "name" {
  description = "Platform name, prefix of every resource."
  type        = string
  default     = "skyfox"
}

variable "certificate_arn" {
  description = "ACM certificate of the external ALB's HTTPS listener. Null requests one for domain_name."
  type        = string
  default     = null
}

variable "domain_name" {
  description = "Domain of the external ALB when certificate_arn is null."
  type        = string
  default     = "api.skyfox.example.com"
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
    Project   = "skyfox"
    ManagedBy = "terraform"
  }
}

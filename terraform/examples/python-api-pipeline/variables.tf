variable "region" {
  description = "AWS region."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Service name, used for every resource."
  type        = string
  default     = "python-api"
}

variable "github_repository" {
  description = "The GitHub repository (owner/name) whose workflows deploy this service."
  type        = string
  default     = "example-org/python-api"
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (false when another stack already did)."
  type        = bool
  default     = true
}

variable "oidc_provider_arn" {
  description = "Existing GitHub OIDC provider ARN when create_oidc_provider is false."
  type        = string
  default     = null
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener. Null requests one for domain_name."
  type        = string
  default     = null
}

variable "domain_name" {
  description = "Domain to request a certificate for when certificate_arn is null."
  type        = string
  default     = "api.example.com"
}

variable "route53_zone_id" {
  description = "Hosted zone of domain_name for automatic DNS validation."
  type        = string
  default     = null
}

variable "secret_arns" {
  description = "Environment variable name to Secrets Manager secret ARN (created by the application team)."
  type        = map(string)
  default     = {}
}

variable "alarm_emails" {
  description = "Who gets alarm e-mails."
  type        = list(string)
  default     = []
}

variable "alb_deletion_protection" {
  description = "Deletion protection on the load balancer."
  type        = bool
  default     = true
}

# --- Emulator switches. Defaults are the production settings; the moto run overrides them (see README). ---

variable "service_launch_type" {
  description = "Null uses the FARGATE capacity provider strategy; the moto run sets \"FARGATE\" (moto does not store a service's strategy, so every plan would replace the service)."
  type        = string
  default     = null
}

variable "enable_autoscaling" {
  description = "Application Auto Scaling; the moto run sets false (moto lacks the Application Auto Scaling tagging API)."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default = {
    Project   = "python-api"
    ManagedBy = "terraform"
  }
}

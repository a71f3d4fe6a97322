variable "region" {
  description = "AWS region."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Application name, used for every resource."
  type        = string
  default     = "sky-high-booker"
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener (issued in var.region). Null requests one for domain_name instead."
  type        = string
  default     = null
}

variable "domain_name" {
  description = "Domain to request a certificate for when certificate_arn is null."
  type        = string
  default     = "booker.example.com"
}

variable "route53_zone_id" {
  description = "Public hosted zone of domain_name; with it the certificate is DNS-validated automatically."
  type        = string
  default     = null
}

variable "bootstrap_image_tag" {
  description = "Tag of the first image the service starts with; CI (slipway) owns the task definition afterwards. Push it before the first apply."
  type        = string
  default     = "bootstrap"
}

variable "alb_deletion_protection" {
  description = "Deletion protection on the load balancer."
  type        = bool
  default     = true
}

# --- Emulator switches. Defaults are the production settings; the moto run overrides them (see README). ---

variable "service_launch_type" {
  description = "Null runs the service on the FARGATE/FARGATE_SPOT capacity provider strategy. The moto run sets \"FARGATE\" because moto does not store a service's capacity provider strategy, which makes every plan replace the service."
  type        = string
  default     = null
}

variable "enable_autoscaling" {
  description = "Application Auto Scaling for the service. The moto run sets false: moto lacks the Application Auto Scaling tagging API the provider calls."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default = {
    Project   = "sky-high-booker"
    ManagedBy = "terraform"
  }
}

terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.81, < 6.0"
    }
  }

  # Partial configuration: terraform init -backend-config="bucket=<state bucket of us-east-1>"
  backend "s3" {
    key          = "sports-cards/prod/us-east-1/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "certificate_arn" {
  description = "ACM certificate (in us-east-1) of the API's HTTPS listener."
  type        = string
  default     = "arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000"
}

module "stack" {
  source = "../stack"

  environment           = "prod"
  cost_code             = "J9K0L1M2"
  cidr_block            = "10.40.0.0/16"
  nat_gateway_mode      = "one_per_az"
  az_count              = 3
  certificate_arn       = var.certificate_arn
  log_retention_in_days = 30
  api                   = { cpu = 1024, memory = 2048, desired_count = 3, min_capacity = 3, max_capacity = 12 }
  worker                = { desired_count = 2, min_capacity = 2, max_capacity = 8 }
}

output "api_url" {
  description = "HTTPS URL of the API."
  value       = module.stack.api_url
}

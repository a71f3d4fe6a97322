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
    key          = "sports-cards/dev/us-east-1/terraform.tfstate"
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

  environment      = "dev"
  cost_code        = "A1B2C3D4"
  cidr_block       = "10.20.0.0/16"
  nat_gateway_mode = "single"
  az_count         = 2
  certificate_arn  = var.certificate_arn

}

output "api_url" {
  description = "HTTPS URL of the API."
  value       = module.stack.api_url
}

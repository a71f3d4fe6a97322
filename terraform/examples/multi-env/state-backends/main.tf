# Bootstrap: one state bucket per region, applied once with local state (then migrate it into the bucket).
terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.81, < 6.0"
    }
  }
}

variable "bucket_prefix" {
  description = "Prefix of the state bucket names (suffixed with the region); must be globally unique."
  type        = string
  default     = "sports-cards-tfstate"
}

variable "cost_code" {
  description = "Cost code of the shared platform."
  type        = string
  default     = "P0L1A2T3"
}

locals {
  tags = {
    Project     = "sports-cards"
    Environment = "shared"
    Service     = "terraform-state"
    ManagedBy   = "terraform"
    CostCode    = var.cost_code
  }
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}

provider "aws" {
  alias  = "us_west_2"
  region = "us-west-2"
}

module "state_us_east_1" {
  source    = "../../../modules/state-backend"
  providers = { aws = aws.us_east_1 }

  bucket_name = "${var.bucket_prefix}-us-east-1"
  tags        = local.tags
}

module "state_us_west_2" {
  source    = "../../../modules/state-backend"
  providers = { aws = aws.us_west_2 }

  bucket_name = "${var.bucket_prefix}-us-west-2"
  tags        = local.tags
}

output "backend_configs" {
  description = "backend \"s3\" settings per region."
  value = {
    "us-east-1" = module.state_us_east_1.backend_config
    "us-west-2" = module.state_us_west_2.backend_config
  }
}

variable "name" {
  description = "Name prefix for every resource the module creates (lowercase letters, digits and hyphens)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", var.name))
    error_message = "name must be 2-32 characters of lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen; got \"${var.name}\"."
  }
}

variable "cidr_block" {
  description = "IPv4 CIDR of the VPC, a /16 to /24."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && can(regex("/(1[6-9]|2[0-4])$", var.cidr_block))
    error_message = "cidr_block must be a valid IPv4 CIDR with a prefix between /16 and /24; got \"${var.cidr_block}\"."
  }
}

variable "az_count" {
  description = "Number of availability zones to spread subnets over (taken in order from the region's available zones unless `availability_zones` is set)."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 1 && var.az_count <= 6 && floor(var.az_count) == var.az_count
    error_message = "az_count must be a whole number from 1 to 6; got ${var.az_count}."
  }
}

variable "availability_zones" {
  description = "Explicit availability zone names. Empty means the first `az_count` zones the region reports as available."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for az in var.availability_zones : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$", az))])
    error_message = "availability_zones must hold zone names such as \"eu-west-1a\"; got ${jsonencode(var.availability_zones)}."
  }
}

variable "public_subnet_cidrs" {
  description = "CIDRs of the public subnets, one per zone. Empty means carve /(prefix+4) blocks from the start of the VPC CIDR."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.public_subnet_cidrs : can(cidrhost(c, 0))])
    error_message = "public_subnet_cidrs must hold valid IPv4 CIDRs; got ${jsonencode(var.public_subnet_cidrs)}."
  }
}

variable "private_subnet_cidrs" {
  description = "CIDRs of the private subnets, one per zone. Empty means carve /(prefix+4) blocks from the second half of the VPC CIDR."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.private_subnet_cidrs : can(cidrhost(c, 0))])
    error_message = "private_subnet_cidrs must hold valid IPv4 CIDRs; got ${jsonencode(var.private_subnet_cidrs)}."
  }
}

variable "nat_gateway_mode" {
  description = "Outbound internet access for the private subnets: \"none\" (no NAT; use VPC endpoints), \"single\" (one NAT gateway, cheapest, one zone is a single point of failure) or \"one_per_az\" (a NAT gateway per zone)."
  type        = string
  default     = "single"

  validation {
    condition     = contains(["none", "single", "one_per_az"], var.nat_gateway_mode)
    error_message = "nat_gateway_mode must be one of \"none\", \"single\", \"one_per_az\"; got \"${var.nat_gateway_mode}\"."
  }
}

variable "vpc_endpoints" {
  description = "AWS services to reach privately from the private subnets. \"s3\" is a free gateway endpoint; the others are interface endpoints (billed per zone and hour). ECS on Fargate without NAT needs ecr.api, ecr.dkr, s3 and logs (plus ssm or secretsmanager for secrets); EC2 container instances also need ecs, ecs-agent and ecs-telemetry."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for s in var.vpc_endpoints : contains(["ecr.api", "ecr.dkr", "logs", "s3", "ssm", "ssmmessages", "secretsmanager", "kms", "sts", "ecs", "ecs-agent", "ecs-telemetry", "monitoring"], s)])
    error_message = "vpc_endpoints may only contain ecr.api, ecr.dkr, logs, s3, ssm, ssmmessages, secretsmanager, kms, sts, ecs, ecs-agent, ecs-telemetry, monitoring; got ${jsonencode(var.vpc_endpoints)}."
  }
}

variable "flow_logs" {
  description = "VPC flow logs to CloudWatch Logs. On by default (rejected traffic only keeps the volume small); `kms_key_arn` encrypts the log group with your key."
  type = object({
    enabled           = optional(bool, true)
    traffic_type      = optional(string, "REJECT")
    retention_in_days = optional(number, 90)
    kms_key_arn       = optional(string)
  })
  default = {}

  validation {
    condition     = contains(["ACCEPT", "REJECT", "ALL"], var.flow_logs.traffic_type)
    error_message = "flow_logs.traffic_type must be ACCEPT, REJECT or ALL; got \"${var.flow_logs.traffic_type}\"."
  }

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_logs.retention_in_days)
    error_message = "flow_logs.retention_in_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653); got ${var.flow_logs.retention_in_days}."
  }

  validation {
    condition     = var.flow_logs.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.flow_logs.kms_key_arn))
    error_message = "flow_logs.kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>); got \"${coalesce(var.flow_logs.kms_key_arn, "null")}\"."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

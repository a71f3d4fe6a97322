variable "bucket_name" {
  description = "Name of the state bucket (globally unique)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name)) && !can(regex("\\.\\.|^\\d+\\.\\d+\\.\\d+\\.\\d+$|^xn--|-s3alias$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, not an IP address); got \"${var.bucket_name}\"."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for SSE-KMS. Null uses SSE-S3 (AES-256)."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", coalesce(var.kms_key_arn, "-")))
    error_message = "kms_key_arn must be a KMS key ARN; got \"${coalesce(var.kms_key_arn, "null")}\"."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days to keep superseded state versions (your undo history)."
  type        = number
  default     = 90

  validation {
    condition     = var.noncurrent_version_expiration_days >= 1 && var.noncurrent_version_expiration_days <= 3650
    error_message = "noncurrent_version_expiration_days must be 1-3650; got ${var.noncurrent_version_expiration_days}."
  }
}

variable "access_log_bucket" {
  description = "Existing bucket to receive S3 server access logs of the state bucket. Null disables."
  type        = string
  default     = null
}

variable "create_dynamodb_lock_table" {
  description = "Also create a DynamoDB lock table, for Terraform older than 1.10 or a gradual move to S3 native locking (use_lockfile)."
  type        = bool
  default     = false
}

variable "dynamodb_table_name" {
  description = "Name of the DynamoDB lock table (default: \"<bucket_name>-lock\")."
  type        = string
  default     = null

  validation {
    condition     = var.dynamodb_table_name == null || can(regex("^[a-zA-Z0-9_.-]{3,255}$", coalesce(var.dynamodb_table_name, "-")))
    error_message = "dynamodb_table_name must be 3-255 letters, digits, _ . -; got \"${coalesce(var.dynamodb_table_name, "null")}\"."
  }
}

variable "force_destroy" {
  description = "Allow destroying the bucket with state in it. Keep false except in throwaway environments."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

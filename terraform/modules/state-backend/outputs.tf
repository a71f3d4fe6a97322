output "bucket_name" {
  description = "Name of the state bucket."
  value       = aws_s3_bucket.state.id
}

output "bucket_arn" {
  description = "ARN of the state bucket (for the github-oidc plan/apply roles)."
  value       = aws_s3_bucket.state.arn
}

output "dynamodb_table_name" {
  description = "Name of the DynamoDB lock table (null unless created)."
  value       = try(aws_dynamodb_table.lock[0].name, null)
}

output "dynamodb_table_arn" {
  description = "ARN of the DynamoDB lock table (null unless created)."
  value       = try(aws_dynamodb_table.lock[0].arn, null)
}

output "backend_config" {
  description = "Settings for a `backend \"s3\"` block or `terraform init -backend-config` (add your own key). S3 native locking (use_lockfile) needs Terraform >= 1.10."
  value = merge(
    {
      bucket       = aws_s3_bucket.state.id
      region       = data.aws_region.current.name
      encrypt      = true
      use_lockfile = true
    },
    var.kms_key_arn == null ? {} : { kms_key_id = var.kms_key_arn },
    try({ dynamodb_table = aws_dynamodb_table.lock[0].name }, {}),
  )
}

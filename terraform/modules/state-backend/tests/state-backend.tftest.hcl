mock_provider "aws" {
  override_data {
    target = data.aws_region.current
    values = { name = "eu-west-1" }
  }
  override_resource {
    target          = aws_s3_bucket.state
    override_during = plan
    values          = { arn = "arn:aws:s3:::acme-tfstate", id = "acme-tfstate" }
  }
}

variables {
  bucket_name = "acme-tfstate"
  tags        = { Project = "slipway" }
}

run "secure_bucket" {
  command = plan

  assert {
    condition     = aws_s3_bucket_versioning.state.versioning_configuration[0].status == "Enabled"
    error_message = "versioning"
  }
  assert {
    condition     = aws_s3_bucket_public_access_block.state.block_public_acls && aws_s3_bucket_public_access_block.state.restrict_public_buckets
    error_message = "public access blocked"
  }
  assert {
    condition     = one(one(aws_s3_bucket_server_side_encryption_configuration.state.rule).apply_server_side_encryption_by_default).sse_algorithm == "AES256"
    error_message = "SSE-S3 without a key"
  }
  assert {
    condition     = one([for s in jsondecode(aws_s3_bucket_policy.state.policy).Statement : s.Condition.Bool["aws:SecureTransport"] if s.Sid == "DenyInsecureTransport"]) == "false"
    error_message = "TLS-only bucket policy"
  }
  assert {
    condition     = output.backend_config.use_lockfile && output.backend_config.region == "eu-west-1" && length(aws_dynamodb_table.lock) == 0
    error_message = "S3 native locking, no DynamoDB table by default"
  }
}

run "kms_and_dynamodb" {
  command = plan

  variables {
    kms_key_arn                = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    create_dynamodb_lock_table = true
  }

  assert {
    condition     = one(one(aws_s3_bucket_server_side_encryption_configuration.state.rule).apply_server_side_encryption_by_default).sse_algorithm == "aws:kms"
    error_message = "SSE-KMS with a key"
  }
  assert {
    condition     = aws_dynamodb_table.lock[0].name == "acme-tfstate-lock" && aws_dynamodb_table.lock[0].point_in_time_recovery[0].enabled
    error_message = "lock table with PITR"
  }
  assert {
    condition     = output.backend_config.dynamodb_table == "acme-tfstate-lock" && output.backend_config.kms_key_id == var.kms_key_arn
    error_message = "backend config names the table and key"
  }
}

run "rejects_bad_bucket_name" {
  command = plan
  variables {
    bucket_name = "Acme_TFState"
  }
  expect_failures = [var.bucket_name]
}

run "rejects_zero_retention" {
  command = plan
  variables {
    noncurrent_version_expiration_days = 0
  }
  expect_failures = [var.noncurrent_version_expiration_days]
}

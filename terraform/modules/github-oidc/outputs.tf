output "oidc_provider_arn" {
  description = "ARN of the GitHub OIDC provider (created or passed in)."
  value       = local.provider_arn
}

output "deploy_role_arn" {
  description = "ARN of the deploy role (the aws-auth action's role-to-assume); null when disabled."
  value       = try(aws_iam_role.this["deploy"].arn, null)
}

output "plan_role_arn" {
  description = "ARN of the plan role; null when disabled."
  value       = try(aws_iam_role.this["plan"].arn, null)
}

output "apply_role_arn" {
  description = "ARN of the apply role; null when disabled."
  value       = try(aws_iam_role.this["apply"].arn, null)
}

output "trusted_subjects" {
  description = "Map of role to the OIDC subjects it trusts (review these)."
  value       = { for k in keys(local.enabled_roles) : k => local.subjects[k] }
}

output "repository_arns" {
  description = "Map of repository name to ARN (feed these to the github-oidc deploy role)."
  value       = { for k, r in aws_ecr_repository.this : k => r.arn }
}

output "repository_urls" {
  description = "Map of repository name to URL (<account>.dkr.ecr.<region>.amazonaws.com/<name>)."
  value       = { for k, r in aws_ecr_repository.this : k => r.repository_url }
}

output "registry_id" {
  description = "Registry (account) ID holding the repositories."
  value       = try(values(aws_ecr_repository.this)[0].registry_id, null)
}

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

output "replication_destinations" {
  description = "Where every matching push is replicated, as [{region, registry_id}]: deploys there use <registry_id>.dkr.ecr.<region>.amazonaws.com/<name>@<digest>. Empty without replication_rules."
  value = distinct(flatten([for r in var.replication_rules : [
    for d in r.destinations : { region = d.region, registry_id = coalesce(d.registry_id, data.aws_caller_identity.current[0].account_id) }
  ]]))
}

output "url" {
  description = "HTTPS URL of the API."
  value       = "https://${module.alb.dns_name}"
}

output "deploy_role_arn" {
  description = "role-to-assume for slipway's aws-auth action."
  value       = module.github_oidc.deploy_role_arn
}

output "ecr_repository_url" {
  description = "Where CI pushes images."
  value       = module.ecr.repository_urls[var.name]
}

output "cluster_name" {
  description = "ECS cluster."
  value       = module.cluster.cluster_name
}

output "service_name" {
  description = "ECS service."
  value       = module.api.service_name
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms."
  value       = module.monitoring.sns_topic_arn
}

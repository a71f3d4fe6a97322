output "api_url" {
  description = "HTTPS URL of the API."
  value       = "https://${module.alb.dns_name}"
}

output "cluster_name" {
  description = "ECS cluster."
  value       = module.cluster.cluster_name
}

output "service_names" {
  description = "ECS services."
  value       = { api = module.api.service_name, worker = module.worker.service_name }
}

output "ecr_repository_urls" {
  description = "Where CI pushes images."
  value       = module.ecr.repository_urls
}

output "url" {
  description = "HTTPS URL of the load balancer."
  value       = "https://${module.alb.dns_name}"
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
  value       = module.web.service_name
}

output "container_name" {
  description = "Container whose image CI replaces."
  value       = module.web.container_name
}

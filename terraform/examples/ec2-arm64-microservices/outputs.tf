output "external_alb_dns_name" {
  description = "Public entry point of the backend."
  value       = module.external_alb.dns_name
}

output "internal_alb_dns_name" {
  description = "Internal entry point of the payment and movie services."
  value       = module.internal_alb.dns_name
}

output "service_names" {
  description = "ECS services by key."
  value       = { for k, m in module.service : k => m.service_name }
}

output "ecr_repository_urls" {
  description = "Where CI pushes each image."
  value       = module.ecr.repository_urls
}

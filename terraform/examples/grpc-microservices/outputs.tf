output "public_alb_dns_name" {
  description = "Point api.<domain> and front.<domain> at this."
  value       = module.public_alb.dns_name
}

output "grpc_nlb_dns_name" {
  description = "Internal NLB in front of the gRPC services."
  value       = module.grpc_nlb.dns_name
}

output "service_names" {
  description = "ECS services by key."
  value       = merge({ for k, m in module.http : k => m.service_name }, { for k, m in module.grpc : k => m.service_name })
}

output "ecr_repository_urls" {
  description = "Where CI pushes each image."
  value       = module.ecr.repository_urls
}

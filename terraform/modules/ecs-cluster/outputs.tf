output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "capacity_providers" {
  description = "Capacity providers attached to the cluster."
  value       = aws_ecs_cluster_capacity_providers.this.capacity_providers
}

output "ec2_capacity_provider_name" {
  description = "Name of the EC2 (Auto Scaling group) capacity provider, for services' capacity_provider_strategy (null without EC2 capacity)."
  value       = try(aws_ecs_capacity_provider.ec2[0].name, null)
}

output "instance_security_group_id" {
  description = "Security group of the container instances; add ingress from your load balancers to it (null without EC2 capacity)."
  value       = try(aws_security_group.instance[0].id, null)
}

output "instance_role_arn" {
  description = "IAM role of the container instances (null without EC2 capacity)."
  value       = try(aws_iam_role.instance[0].arn, null)
}

output "autoscaling_group_name" {
  description = "Name of the Auto Scaling group (null without EC2 capacity)."
  value       = try(aws_autoscaling_group.ec2[0].name, null)
}

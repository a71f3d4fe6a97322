output "service_name" {
  description = "Name of the ECS service."
  value       = local.service.name
}

output "service_arn" {
  description = "ARN of the ECS service (feed it to the github-oidc deploy role)."
  value       = local.service.id
}

output "cluster_name" {
  description = "Name of the cluster the service runs in."
  value       = local.cluster_name
}

output "task_definition_family" {
  description = "Task definition family."
  value       = aws_ecs_task_definition.this.family
}

output "task_definition_arn" {
  description = "ARN of the task definition revision Terraform registered (the bootstrap revision when CI owns the task definition)."
  value       = aws_ecs_task_definition.this.arn
}

output "container_name" {
  description = "Name of the application container (what CI's render step replaces the image of)."
  value       = local.container_name
}

output "task_role_arn" {
  description = "ARN of the task role."
  value       = aws_iam_role.task.arn
}

output "task_role_name" {
  description = "Name of the task role, to attach further policies."
  value       = aws_iam_role.task.name
}

output "execution_role_arn" {
  description = "ARN of the execution role."
  value       = aws_iam_role.execution.arn
}

output "log_group_name" {
  description = "CloudWatch log group of the service."
  value       = aws_cloudwatch_log_group.this.name
}

output "security_group_id" {
  description = "Security group of the tasks (null unless network_mode is awsvpc)."
  value       = try(aws_security_group.this[0].id, null)
}

output "service_discovery_arn" {
  description = "ARN of the Cloud Map service (null without service_discovery)."
  value       = try(aws_service_discovery_service.this[0].arn, null)
}

output "autoscaling_resource_id" {
  description = "Application Auto Scaling resource ID (null without autoscaling)."
  value       = try(aws_appautoscaling_target.this[0].resource_id, null)
}

output "ci_owns_task_definition" {
  description = "Whether CI owns the task definition (Terraform ignores the service's task_definition)."
  value       = var.ci_owns_task_definition
}

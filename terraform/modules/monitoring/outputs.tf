output "sns_topic_arn" {
  description = "ARN of the alarm topic."
  value       = aws_sns_topic.alarms.arn
}

output "kms_key_arn" {
  description = "KMS key encrypting the topic (created or passed in)."
  value       = local.key_arn
}

output "deployment_alarm_names" {
  description = "Map of service label to the alarm names to pass to ecs-service deployment_alarms (5xx, response time, unhealthy hosts; empty for services without a load balancer)."
  value       = local.deployment_alarms

  # Names are known up front; the dependency makes callers wait until the alarms exist.
  depends_on = [aws_cloudwatch_metric_alarm.http_5xx, aws_cloudwatch_metric_alarm.response_time, aws_cloudwatch_metric_alarm.unhealthy_hosts]
}

output "alarm_arns" {
  description = "Map of service label to all its alarm ARNs."
  value       = local.alarm_arns
}

output "dashboard_names" {
  description = "Map of service label to dashboard name."
  value       = { for k, d in aws_cloudwatch_dashboard.service : k => d.dashboard_name }
}

# monitoring: alarms and dashboards for a set of ECS services, notifying one encrypted SNS topic.
# Terraform reads every .tf file here as one module; the files are split by concern:
#   main.tf        shared data sources and locals (alarm names, dimensions, the deployment alarms)
#   topic.tf       the SNS topic, its KMS key (unless one is passed in) and the e-mail subscriptions
#   alarms.tf      the CloudWatch alarms, one resource per kind of alarm
#   dashboards.tf  one CloudWatch dashboard per service
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  region     = data.aws_region.current.name
  create_key = var.kms_key_arn == null
  key_arn    = local.create_key ? aws_kms_key.alarms[0].arn : var.kms_key_arn

  lb_services  = { for k, s in var.services : k => s if s.load_balancer_type != null }
  alb_services = { for k, s in var.services : k => s if s.load_balancer_type == "application" }

  alarm_prefix   = { for k, s in var.services : k => "${var.name}-${k}" }
  alarm_actions  = [aws_sns_topic.alarms.arn]
  ecs_dimensions = { for k, s in var.services : k => { ClusterName = s.cluster_name, ServiceName = s.service_name } }
  lb_dimensions  = { for k, s in local.lb_services : k => { LoadBalancer = s.load_balancer_arn_suffix, TargetGroup = s.target_group_arn_suffix } }

  # Alarms that should stop (and roll back) an ECS deployment: user-visible failure, not load.
  deployment_alarms = { for k, s in var.services : k => concat(
    s.load_balancer_type == "application" ? ["${local.alarm_prefix[k]}-http-5xx", "${local.alarm_prefix[k]}-response-time"] : [],
    s.load_balancer_type != null ? ["${local.alarm_prefix[k]}-unhealthy-hosts"] : [],
  ) }

  # Every alarm of each service, for its dashboard and the alarm_arns output.
  alarm_arns = { for k, s in var.services : k => concat(
    [aws_cloudwatch_metric_alarm.cpu[k].arn, aws_cloudwatch_metric_alarm.memory[k].arn, aws_cloudwatch_metric_alarm.running_tasks[k].arn],
    try([aws_cloudwatch_metric_alarm.http_5xx[k].arn, aws_cloudwatch_metric_alarm.response_time[k].arn], []),
    try([aws_cloudwatch_metric_alarm.unhealthy_hosts[k].arn], []),
  ) }
}

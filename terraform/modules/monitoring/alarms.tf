# monitoring alarms. Per service: CPU, memory and running-below-desired; behind a load balancer also unhealthy
# hosts, and behind an ALB 5xx responses and p90 response time. Each kind is its own resource, keyed by the
# service label: the addresses (aws_cloudwatch_metric_alarm.cpu["api"], ...) are in callers' state and the
# tests, and Terraform cannot move for_each instances to new keys chosen at run time. What the kinds share
# (names, dimensions, actions) comes from the locals in main.tf.
resource "aws_cloudwatch_metric_alarm" "cpu" {
  for_each = var.services

  alarm_name          = "${local.alarm_prefix[each.key]}-cpu-high"
  alarm_description   = "${each.value.service_name}: average CPU above ${each.value.cpu_threshold}%"
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.cpu_threshold
  treat_missing_data  = "notBreaching"
  dimensions          = local.ecs_dimensions[each.key]
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "memory" {
  for_each = var.services

  alarm_name          = "${local.alarm_prefix[each.key]}-memory-high"
  alarm_description   = "${each.value.service_name}: average memory above ${each.value.memory_threshold}%"
  namespace           = "AWS/ECS"
  metric_name         = "MemoryUtilization"
  statistic           = "Average"
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.memory_threshold
  treat_missing_data  = "notBreaching"
  dimensions          = local.ecs_dimensions[each.key]
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  tags = var.tags
}

# Container Insights publishes both counts; the alarm fires while fewer tasks run than are desired.
resource "aws_cloudwatch_metric_alarm" "running_tasks" {
  for_each = var.services

  alarm_name          = "${local.alarm_prefix[each.key]}-running-below-desired"
  alarm_description   = "${each.value.service_name}: fewer running tasks than desired (needs Container Insights)"
  evaluation_periods  = each.value.evaluation_periods
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "missing"
    expression  = "desired - running"
    label       = "Desired minus running tasks"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = { desired = "DesiredTaskCount", running = "RunningTaskCount" }
    content {
      id = metric_query.key
      metric {
        namespace   = "ECS/ContainerInsights"
        metric_name = metric_query.value
        period      = each.value.period
        stat        = "Minimum"
        dimensions  = local.ecs_dimensions[each.key]
      }
    }
  }

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "http_5xx" {
  for_each = local.alb_services

  alarm_name          = "${local.alarm_prefix[each.key]}-http-5xx"
  alarm_description   = "${each.value.service_name}: more than ${each.value.http_5xx_threshold} target 5xx responses per ${each.value.period}s"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.http_5xx_threshold
  treat_missing_data  = "notBreaching"
  dimensions          = local.lb_dimensions[each.key]
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "response_time" {
  for_each = local.alb_services

  alarm_name          = "${local.alarm_prefix[each.key]}-response-time"
  alarm_description   = "${each.value.service_name}: p90 target response time above ${each.value.response_time_threshold}s"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  extended_statistic  = "p90"
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.response_time_threshold
  treat_missing_data  = "notBreaching"
  dimensions          = local.lb_dimensions[each.key]
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "unhealthy_hosts" {
  for_each = local.lb_services

  alarm_name          = "${local.alarm_prefix[each.key]}-unhealthy-hosts"
  alarm_description   = "${each.value.service_name}: more than ${each.value.unhealthy_hosts_threshold} unhealthy targets"
  namespace           = each.value.load_balancer_type == "application" ? "AWS/ApplicationELB" : "AWS/NetworkELB"
  metric_name         = "UnHealthyHostCount"
  statistic           = "Maximum"
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.unhealthy_hosts_threshold
  treat_missing_data  = "notBreaching"
  dimensions          = local.lb_dimensions[each.key]
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  tags = var.tags
}

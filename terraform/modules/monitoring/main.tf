data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  region     = data.aws_region.current.name
  create_key = var.kms_key_arn == null
  key_arn    = local.create_key ? aws_kms_key.alarms[0].arn : var.kms_key_arn

  lb_services  = { for k, s in var.services : k => s if s.load_balancer_type != null }
  alb_services = { for k, s in var.services : k => s if s.load_balancer_type == "application" }

  alarm_prefix = { for k, s in var.services : k => "${var.name}-${k}" }

  # Alarms that should stop (and roll back) an ECS deployment: user-visible failure, not load.
  deployment_alarms = { for k, s in var.services : k => concat(
    s.load_balancer_type == "application" ? ["${local.alarm_prefix[k]}-http-5xx", "${local.alarm_prefix[k]}-response-time"] : [],
    s.load_balancer_type != null ? ["${local.alarm_prefix[k]}-unhealthy-hosts"] : [],
  ) }
}

# ---------------------------------------------------------------------------------------------------------
# Topic (encrypted with a key CloudWatch may use)
# ---------------------------------------------------------------------------------------------------------
data "aws_iam_policy_document" "key" {
  count = local.create_key ? 1 : 0

  statement {
    sid       = "AccountAdmin"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchAlarms"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_kms_key" "alarms" {
  count = local.create_key ? 1 : 0

  description             = "${var.name} alarm notifications (SNS)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.key[0].json

  tags = var.tags
}

resource "aws_kms_alias" "alarms" {
  count = local.create_key ? 1 : 0

  name          = "alias/${var.name}-alarms"
  target_key_id = aws_kms_key.alarms[0].key_id
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = local.key_arn

  tags = var.tags
}

data "aws_iam_policy_document" "topic" {
  statement {
    sid       = "CloudWatchAlarmsPublish"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.topic.json
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.email_subscriptions)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

# ---------------------------------------------------------------------------------------------------------
# Alarms
# ---------------------------------------------------------------------------------------------------------
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
  dimensions          = { ClusterName = each.value.cluster_name, ServiceName = each.value.service_name }
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

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
  dimensions          = { ClusterName = each.value.cluster_name, ServiceName = each.value.service_name }
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

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
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "missing"
    expression  = "desired - running"
    label       = "Desired minus running tasks"
    return_data = true
  }

  metric_query {
    id = "desired"
    metric {
      namespace   = "ECS/ContainerInsights"
      metric_name = "DesiredTaskCount"
      period      = each.value.period
      stat        = "Minimum"
      dimensions  = { ClusterName = each.value.cluster_name, ServiceName = each.value.service_name }
    }
  }

  metric_query {
    id = "running"
    metric {
      namespace   = "ECS/ContainerInsights"
      metric_name = "RunningTaskCount"
      period      = each.value.period
      stat        = "Minimum"
      dimensions  = { ClusterName = each.value.cluster_name, ServiceName = each.value.service_name }
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
  dimensions          = { LoadBalancer = each.value.load_balancer_arn_suffix, TargetGroup = each.value.target_group_arn_suffix }
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

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
  dimensions          = { LoadBalancer = each.value.load_balancer_arn_suffix, TargetGroup = each.value.target_group_arn_suffix }
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

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
  dimensions          = { LoadBalancer = each.value.load_balancer_arn_suffix, TargetGroup = each.value.target_group_arn_suffix }
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  tags = var.tags
}

# ---------------------------------------------------------------------------------------------------------
# Dashboards
# ---------------------------------------------------------------------------------------------------------
resource "aws_cloudwatch_dashboard" "service" {
  for_each = var.create_dashboards ? var.services : {}

  dashboard_name = local.alarm_prefix[each.key]
  dashboard_body = jsonencode({
    widgets = concat(
      [
        {
          type = "metric", x = 0, y = 0, width = 12, height = 6
          properties = {
            title  = "CPU and memory (%)"
            region = local.region
            stat   = "Average"
            period = each.value.period
            metrics = [
              ["AWS/ECS", "CPUUtilization", "ClusterName", each.value.cluster_name, "ServiceName", each.value.service_name],
              ["AWS/ECS", "MemoryUtilization", "ClusterName", each.value.cluster_name, "ServiceName", each.value.service_name],
            ]
            annotations = { horizontal = [{ label = "CPU alarm", value = each.value.cpu_threshold }] }
          }
        },
        {
          type = "metric", x = 12, y = 0, width = 12, height = 6
          properties = {
            title  = "Tasks (Container Insights)"
            region = local.region
            stat   = "Minimum"
            period = each.value.period
            metrics = [
              ["ECS/ContainerInsights", "DesiredTaskCount", "ClusterName", each.value.cluster_name, "ServiceName", each.value.service_name],
              ["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", each.value.cluster_name, "ServiceName", each.value.service_name],
              ["ECS/ContainerInsights", "PendingTaskCount", "ClusterName", each.value.cluster_name, "ServiceName", each.value.service_name],
            ]
          }
        },
      ],
      [for w in [
        {
          type = "metric", x = 0, y = 6, width = 12, height = 6
          properties = {
            title  = "Requests and errors"
            region = local.region
            stat   = "Sum"
            period = each.value.period
            metrics = [
              ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", each.value.load_balancer_arn_suffix, "TargetGroup", each.value.target_group_arn_suffix],
              ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", each.value.load_balancer_arn_suffix, "TargetGroup", each.value.target_group_arn_suffix],
              ["AWS/ApplicationELB", "HTTPCode_Target_4XX_Count", "LoadBalancer", each.value.load_balancer_arn_suffix, "TargetGroup", each.value.target_group_arn_suffix],
            ]
          }
        },
        {
          type = "metric", x = 12, y = 6, width = 12, height = 6
          properties = {
            title  = "Target response time (s) and health"
            region = local.region
            period = each.value.period
            metrics = [
              ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", each.value.load_balancer_arn_suffix, "TargetGroup", each.value.target_group_arn_suffix, { stat = "p90" }],
              ["AWS/ApplicationELB", "UnHealthyHostCount", "LoadBalancer", each.value.load_balancer_arn_suffix, "TargetGroup", each.value.target_group_arn_suffix, { stat = "Maximum", yAxis = "right" }],
            ]
          }
        },
      ] : w if each.value.load_balancer_type == "application"],
      [
        {
          type = "alarm", x = 0, y = 12, width = 24, height = 3
          properties = {
            title = "Alarms"
            alarms = concat(
              [aws_cloudwatch_metric_alarm.cpu[each.key].arn, aws_cloudwatch_metric_alarm.memory[each.key].arn, aws_cloudwatch_metric_alarm.running_tasks[each.key].arn],
              try([aws_cloudwatch_metric_alarm.http_5xx[each.key].arn, aws_cloudwatch_metric_alarm.response_time[each.key].arn], []),
              try([aws_cloudwatch_metric_alarm.unhealthy_hosts[each.key].arn], []),
            )
          }
        },
      ],
    )
  })
}

# monitoring dashboards: one per service (var.create_dashboards). ECS utilisation and task counts for every
# service, request, error and latency graphs for services behind an ALB, and the service's alarms.
locals {
  # Dimension tails of a dashboard metric row: [namespace, metric, <these>...]. Keyed by every service: the
  # load balancer widgets below are built for every service before the filter drops them.
  ecs_metric_dimensions = { for k, s in var.services : k => ["ClusterName", s.cluster_name, "ServiceName", s.service_name] }
  lb_metric_dimensions  = { for k, s in var.services : k => ["LoadBalancer", s.load_balancer_arn_suffix, "TargetGroup", s.target_group_arn_suffix] }
}

resource "aws_cloudwatch_dashboard" "service" {
  for_each = var.create_dashboards ? var.services : {}

  dashboard_name = local.alarm_prefix[each.key]
  dashboard_body = jsonencode({
    widgets = concat(
      [
        {
          type = "metric", x = 0, y = 0, width = 12, height = 6
          properties = {
            title       = "CPU and memory (%)"
            region      = local.region
            stat        = "Average"
            period      = each.value.period
            metrics     = [for m in ["CPUUtilization", "MemoryUtilization"] : concat(["AWS/ECS", m], local.ecs_metric_dimensions[each.key])]
            annotations = { horizontal = [{ label = "CPU alarm", value = each.value.cpu_threshold }] }
          }
        },
        {
          type = "metric", x = 12, y = 0, width = 12, height = 6
          properties = {
            title   = "Tasks (Container Insights)"
            region  = local.region
            stat    = "Minimum"
            period  = each.value.period
            metrics = [for m in ["DesiredTaskCount", "RunningTaskCount", "PendingTaskCount"] : concat(["ECS/ContainerInsights", m], local.ecs_metric_dimensions[each.key])]
          }
        },
      ],
      [for w in [
        {
          type = "metric", x = 0, y = 6, width = 12, height = 6
          properties = {
            title   = "Requests and errors"
            region  = local.region
            stat    = "Sum"
            period  = each.value.period
            metrics = [for m in ["RequestCount", "HTTPCode_Target_5XX_Count", "HTTPCode_Target_4XX_Count"] : concat(["AWS/ApplicationELB", m], local.lb_metric_dimensions[each.key])]
          }
        },
        {
          type = "metric", x = 12, y = 6, width = 12, height = 6
          properties = {
            title  = "Target response time (s) and health"
            region = local.region
            period = each.value.period
            metrics = [
              concat(["AWS/ApplicationELB", "TargetResponseTime"], local.lb_metric_dimensions[each.key], [{ stat = "p90" }]),
              concat(["AWS/ApplicationELB", "UnHealthyHostCount"], local.lb_metric_dimensions[each.key], [{ stat = "Maximum", yAxis = "right" }]),
            ]
          }
        },
      ] : w if each.value.load_balancer_type == "application"],
      [
        {
          type       = "alarm", x = 0, y = 12, width = 24, height = 3
          properties = { title = "Alarms", alarms = local.alarm_arns[each.key] }
        },
      ],
    )
  })
}

mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
  override_data {
    target = data.aws_region.current
    values = { name = "eu-west-1" }
  }
  override_data {
    target = data.aws_caller_identity.current
    values = { account_id = "123456789012" }
  }
  override_data {
    target = data.aws_partition.current
    values = { partition = "aws" }
  }
  override_resource {
    target          = aws_kms_key.alarms
    override_during = plan
    values          = { arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555" }
  }
}

variables {
  name = "shop"
  services = {
    api = {
      cluster_name             = "shop"
      service_name             = "api"
      load_balancer_type       = "application"
      load_balancer_arn_suffix = "app/shop/0123456789abcdef"
      target_group_arn_suffix  = "targetgroup/shop-api/0123456789abcdef"
    }
    worker = {
      cluster_name = "shop"
      service_name = "worker"
    }
  }
  tags = { Project = "slipway" }
}

run "alarms_dashboards_topic" {
  command = plan

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.cpu) == 2 && length(aws_cloudwatch_metric_alarm.memory) == 2 && length(aws_cloudwatch_metric_alarm.running_tasks) == 2
    error_message = "CPU, memory and running-task alarms for every service"
  }
  assert {
    condition     = length(aws_cloudwatch_metric_alarm.http_5xx) == 1 && length(aws_cloudwatch_metric_alarm.response_time) == 1 && length(aws_cloudwatch_metric_alarm.unhealthy_hosts) == 1
    error_message = "load balancer alarms only for the service behind the ALB"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.http_5xx["api"].dimensions["TargetGroup"] == "targetgroup/shop-api/0123456789abcdef"
    error_message = "5xx alarm on the service's target group"
  }
  assert {
    condition     = output.deployment_alarm_names["api"] == tolist(["shop-api-http-5xx", "shop-api-response-time", "shop-api-unhealthy-hosts"]) && length(output.deployment_alarm_names["worker"]) == 0
    error_message = "deployment alarm names for ecs-service"
  }
  assert {
    condition     = length(aws_cloudwatch_dashboard.service) == 2 && aws_cloudwatch_dashboard.service["worker"].dashboard_name == "shop-worker"
    error_message = "a dashboard per service"
  }
  assert {
    condition     = aws_sns_topic.alarms.kms_master_key_id == "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555" && aws_kms_key.alarms[0].enable_key_rotation
    error_message = "topic encrypted with a rotating key CloudWatch may use"
  }
}

run "rejects_lb_type_without_suffixes" {
  command = plan
  variables {
    services = {
      api = { cluster_name = "shop", service_name = "api", load_balancer_type = "application" }
    }
  }
  expect_failures = [var.services]
}

run "rejects_bad_period" {
  command = plan
  variables {
    services = {
      api = { cluster_name = "shop", service_name = "api", period = 45 }
    }
  }
  expect_failures = [var.services]
}

run "rejects_bad_email" {
  command = plan
  variables {
    email_subscriptions = ["not-an-address"]
  }
  expect_failures = [var.email_subscriptions]
}

mock_provider "aws" {
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
    target          = aws_cloudwatch_log_group.this
    override_during = plan
    values          = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shop/api" }
  }
}

variables {
  name        = "api"
  cluster_arn = "arn:aws:ecs:eu-west-1:123456789012:cluster/shop"
  vpc_id      = "vpc-0123456789abcdef0"
  subnet_ids  = ["subnet-0a", "subnet-0b"]
  container = {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:bootstrap"
    port  = 8000
    secrets = {
      DB_PASSWORD = "arn:aws:ssm:eu-west-1:123456789012:parameter/shop/db-password"
      API_KEY     = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/api-key-AbCdEf:key::"
    }
  }
  ecr_repository_arns          = ["arn:aws:ecr:eu-west-1:123456789012:repository/shop/api"]
  load_balancers               = [{ target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-api/0123456789abcdef" }]
  ingress_from_security_groups = { alb = "sg-0alb" }
  tags                         = { Project = "slipway" }
}

run "ci_owned_fargate_service" {
  command = plan

  assert {
    condition     = length(aws_ecs_service.ci_owned) == 1 && length(aws_ecs_service.this) == 0
    error_message = "CI owns the task definition by default (the resource with ignore_changes)"
  }
  assert {
    condition     = aws_ecs_service.ci_owned[0].deployment_circuit_breaker[0].enable && aws_ecs_service.ci_owned[0].deployment_circuit_breaker[0].rollback
    error_message = "circuit breaker with rollback"
  }
  assert {
    condition     = aws_ecs_service.ci_owned[0].health_check_grace_period_seconds == 60
    error_message = "grace period defaults to 60s with a load balancer"
  }
  assert {
    condition     = aws_ecs_service.ci_owned[0].network_configuration[0].assign_public_ip == false
    error_message = "tasks never get public IPs"
  }
  assert {
    condition     = [for c in aws_ecs_service.ci_owned[0].capacity_provider_strategy : c.capacity_provider] == ["FARGATE"]
    error_message = "explicit FARGATE strategy by default"
  }
  assert {
    condition     = aws_cloudwatch_log_group.this.name == "/ecs/shop/api" && aws_cloudwatch_log_group.this.retention_in_days == 30
    error_message = "own log group with retention"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].readonlyRootFilesystem && jsondecode(aws_ecs_task_definition.this.container_definitions)[0].logConfiguration.options["awslogs-group"] == "/ecs/shop/api"
    error_message = "read-only root filesystem and awslogs to its own group"
  }
  assert {
    condition     = length(jsondecode(aws_ecs_task_definition.this.container_definitions)[0].secrets) == 2
    error_message = "secrets wired into the container"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.this["alb"].from_port == 8000 && aws_vpc_security_group_ingress_rule.this["alb"].referenced_security_group_id == "sg-0alb"
    error_message = "only the load balancer reaches the container port"
  }
  assert {
    condition     = aws_ecs_task_definition.this.skip_destroy
    error_message = "CI-owned families keep Terraform's bootstrap revision registered"
  }
}

run "execution_role_least_privilege" {
  command = plan

  assert {
    condition     = contains(flatten([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Resource if s.Sid == "SsmParameters"]), "arn:aws:ssm:eu-west-1:123456789012:parameter/shop/db-password")
    error_message = "execution role reads exactly its SSM parameters"
  }
  assert {
    condition     = contains(flatten([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Resource if s.Sid == "Secrets"]), "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/api-key-AbCdEf")
    error_message = "secret ARN without the json-key suffix"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Resource if s.Sid == "Logs"]) == "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shop/api:*"
    error_message = "execution role writes only its own log group"
  }
  assert {
    condition     = length(aws_iam_role_policy.task) == 0
    error_message = "task role has no permissions unless asked for"
  }
}

run "terraform_owned_with_autoscaling_and_alarms" {
  command = plan

  variables {
    ci_owns_task_definition = false
    deployment              = { minimum_healthy_percent = 66, maximum_percent = 150 }
    deployment_alarms       = { alarm_names = ["api-5xx"] }
    autoscaling = {
      min_capacity                 = 1
      max_capacity                 = 5
      cpu_target                   = 70
      memory_target                = 80
      request_count_target         = 500
      request_count_resource_label = "app/shop/abc/targetgroup/shop-api/def"
    }
  }

  assert {
    condition     = length(aws_ecs_service.this) == 1 && length(aws_ecs_service.ci_owned) == 0
    error_message = "Terraform-owned service when the switch is off"
  }
  assert {
    condition     = aws_ecs_service.this[0].deployment_minimum_healthy_percent == 66 && aws_ecs_service.this[0].deployment_maximum_percent == 150
    error_message = "deployment percentages"
  }
  assert {
    condition     = aws_ecs_service.this[0].alarms[0].alarm_names == toset(["api-5xx"]) && aws_ecs_service.this[0].alarms[0].rollback
    error_message = "deployment alarms with rollback"
  }
  assert {
    condition     = aws_appautoscaling_target.this[0].resource_id == "service/shop/api" && aws_appautoscaling_target.this[0].max_capacity == 5
    error_message = "autoscaling target"
  }
  assert {
    condition     = aws_appautoscaling_policy.cpu[0].target_tracking_scaling_policy_configuration[0].target_value == 70 && aws_appautoscaling_policy.memory[0].target_tracking_scaling_policy_configuration[0].target_value == 80 && length(aws_appautoscaling_policy.requests) == 1
    error_message = "CPU, memory and request count policies"
  }
}

run "ec2_bridge_with_cloud_map_srv" {
  command = plan

  variables {
    compatibility                = "EC2"
    network_mode                 = "bridge"
    cpu_architecture             = "ARM64"
    capacity_provider_strategy   = [{ capacity_provider = "shop-ec2", weight = 1 }]
    ingress_from_security_groups = {}
    service_discovery            = { namespace_id = "ns-0123456789", dns_record_type = "SRV" }
  }

  assert {
    condition     = length(aws_security_group.this) == 0 && length(aws_ecs_service.ci_owned[0].network_configuration) == 0
    error_message = "bridge mode has no task security group"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].portMappings[0].hostPort == 0
    error_message = "dynamic host port in bridge mode"
  }
  assert {
    condition     = aws_ecs_task_definition.this.runtime_platform[0].cpu_architecture == "ARM64"
    error_message = "ARM64 runtime platform"
  }
  assert {
    condition     = length(aws_ecs_service.ci_owned[0].ordered_placement_strategy) == 2
    error_message = "spread over zones, then binpack"
  }
}

run "service_connect_server" {
  command = plan

  variables {
    container = {
      image        = "public.ecr.aws/example/grpc:bootstrap"
      port         = 5000
      port_name    = "grpc"
      app_protocol = "grpc"
    }
    service_connect = { namespace = "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-0123456789" }
  }

  assert {
    condition     = aws_ecs_service.ci_owned[0].service_connect_configuration[0].service[0].port_name == "grpc" && aws_ecs_service.ci_owned[0].service_connect_configuration[0].service[0].client_alias[0].port == 5000
    error_message = "Service Connect publishes the named port"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].portMappings[0].appProtocol == "grpc"
    error_message = "gRPC app protocol on the port mapping"
  }
}

run "rejects_bad_cluster_arn" {
  command = plan
  variables {
    cluster_arn = "shop"
  }
  expect_failures = [var.cluster_arn]
}

run "rejects_bad_fargate_size" {
  command = plan
  variables {
    task_cpu    = 256
    task_memory = 4096
  }
  expect_failures = [aws_ecs_task_definition.this]
}

run "rejects_fargate_bridge" {
  command = plan
  variables {
    network_mode = "bridge"
  }
  expect_failures = [aws_ecs_task_definition.this]
}

run "rejects_plaintext_secret_value" {
  command = plan
  variables {
    container = {
      image   = "public.ecr.aws/example/api:1"
      secrets = { DB_PASSWORD = "hunter2" }
    }
  }
  expect_failures = [var.container]
}

run "rejects_min_healthy_above_max" {
  command = plan
  variables {
    deployment = { minimum_healthy_percent = 100, maximum_percent = 100 }
  }
  expect_failures = [var.deployment]
}

run "rejects_rollback_without_breaker" {
  command = plan
  variables {
    deployment = { circuit_breaker = false, rollback = true }
  }
  expect_failures = [var.deployment]
}

run "rejects_autoscaling_min_above_max" {
  command = plan
  variables {
    autoscaling = { min_capacity = 5, max_capacity = 2, cpu_target = 70 }
  }
  expect_failures = [var.autoscaling]
}

run "rejects_bad_retention" {
  command = plan
  variables {
    log = { retention_in_days = 10 }
  }
  expect_failures = [var.log]
}

run "rejects_admin_task_role" {
  command = plan
  variables {
    task_role_policy_statements = [{ actions = ["*"], resources = ["*"] }]
  }
  expect_failures = [var.task_role_policy_statements]
}

run "rejects_empty_strategy_without_launch_type" {
  command = plan
  variables {
    capacity_provider_strategy = []
  }
  expect_failures = [aws_ecs_service.ci_owned]
}

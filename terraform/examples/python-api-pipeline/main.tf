module "network" {
  source = "../../modules/network"

  name             = var.name
  cidr_block       = "10.0.0.0/16"
  az_count         = 2
  nat_gateway_mode = "one_per_az"

  tags = var.tags
}

module "ecr" {
  source = "../../modules/ecr"

  repository_names = [var.name]
  lifecycle_policy = { keep_last = 10 }

  tags = var.tags
}

module "cluster" {
  source = "../../modules/ecs-cluster"

  name = var.name

  tags = var.tags
}

module "alb" {
  source = "../../modules/alb"

  name                = var.name
  vpc_id              = module.network.vpc_id
  subnet_ids          = module.network.public_subnet_ids
  certificate         = var.certificate_arn != null ? { arn = var.certificate_arn } : { domain_name = var.domain_name, route53_zone_id = var.route53_zone_id }
  deletion_protection = var.alb_deletion_protection

  target_groups = {
    api = {
      port = 8000
      health_check = {
        path                = "/health"
        matcher             = "200"
        interval            = 30
        unhealthy_threshold = 3
      }
    }
  }
  default_target_group_key = "api"

  tags = var.tags
}

module "monitoring" {
  source = "../../modules/monitoring"

  name                = var.name
  email_subscriptions = var.alarm_emails
  services = {
    api = {
      cluster_name             = module.cluster.cluster_name
      service_name             = var.name
      load_balancer_type       = "application"
      load_balancer_arn_suffix = module.alb.arn_suffix
      target_group_arn_suffix  = module.alb.target_group_arn_suffixes["api"]
    }
  }

  tags = var.tags
}

module "api" {
  source = "../../modules/ecs-service"

  name          = var.name
  cluster_arn   = module.cluster.cluster_arn
  vpc_id        = module.network.vpc_id
  subnet_ids    = module.network.private_subnet_ids
  task_cpu      = 512
  task_memory   = 1024
  desired_count = 3

  container = {
    image   = "${module.ecr.repository_urls[var.name]}:bootstrap"
    port    = 8000
    secrets = var.secret_arns
    health_check = {
      command      = ["CMD-SHELL", "curl -fsS http://localhost:8000/health || exit 1"]
      start_period = 15
    }
  }
  ecr_repository_arns = [module.ecr.repository_arns[var.name]]

  launch_type = var.service_launch_type

  load_balancers               = [{ target_group_arn = module.alb.target_group_arns["api"] }]
  ingress_from_security_groups = { alb = module.alb.security_group_id }

  # 3 tasks: at least 2 stay healthy, at most 4 run during a rollout.
  deployment        = { minimum_healthy_percent = 66, maximum_percent = 150, circuit_breaker = true, rollback = true }
  deployment_alarms = { alarm_names = module.monitoring.deployment_alarm_names["api"] }

  autoscaling = var.enable_autoscaling ? {
    min_capacity                 = 3
    max_capacity                 = 10
    cpu_target                   = 70
    memory_target                = 80
    request_count_target         = 500
    request_count_resource_label = module.alb.request_count_resource_labels["api"]
  } : null

  tags = var.tags
}

module "github_oidc" {
  source = "../../modules/github-oidc"

  repository           = var.github_repository
  name_prefix          = "${var.name}-github"
  create_oidc_provider = var.create_oidc_provider
  oidc_provider_arn    = var.oidc_provider_arn

  deploy = {
    branches            = ["main"]
    environments        = ["production"]
    ecr_repository_arns = [module.ecr.repository_arns[var.name]]
    services = [{
      service_arn            = module.api.service_arn
      task_definition_family = module.api.task_definition_family
      task_role_arn          = module.api.task_role_arn
      execution_role_arn     = module.api.execution_role_arn
    }]
  }

  tags = var.tags
}

locals {
  name = "${var.project}-${var.environment}"
  base_tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
    CostCode    = var.cost_code
  }
  platform_tags = merge(local.base_tags, { Service = "platform" })
  api_tags      = merge(local.base_tags, { Service = "card-catalog-api" })
  worker_tags   = merge(local.base_tags, { Service = "orders-ingestion" })
}

module "network" {
  source = "../../../modules/network"

  name             = local.name
  cidr_block       = var.cidr_block
  az_count         = var.az_count
  nat_gateway_mode = var.nat_gateway_mode

  tags = local.platform_tags
}

module "ecr" {
  source = "../../../modules/ecr"

  repository_names = ["${local.name}/card-catalog-api", "${local.name}/orders-ingestion"]

  tags = local.platform_tags
}

module "cluster" {
  source = "../../../modules/ecs-cluster"

  name = local.name
  # Spot for the lower environments, on-demand for prod.
  default_capacity_provider_strategy = var.environment == "prod" ? [
    { capacity_provider = "FARGATE", weight = 1, base = 1 },
    ] : [
    { capacity_provider = "FARGATE_SPOT", weight = 1 },
  ]

  tags = local.platform_tags
}

module "alb" {
  source = "../../../modules/alb"

  name                = "${local.name}-api"
  vpc_id              = module.network.vpc_id
  subnet_ids          = module.network.public_subnet_ids
  certificate         = { arn = var.certificate_arn }
  deletion_protection = var.environment == "prod"

  target_groups            = { api = { port = 8080, health_check = { path = "/health" } } }
  default_target_group_key = "api"

  tags = local.api_tags
}

module "monitoring" {
  source = "../../../modules/monitoring"

  name                = local.name
  email_subscriptions = var.alarm_emails
  services = {
    api = {
      cluster_name             = module.cluster.cluster_name
      service_name             = "${local.name}-api"
      load_balancer_type       = "application"
      load_balancer_arn_suffix = module.alb.arn_suffix
      target_group_arn_suffix  = module.alb.target_group_arn_suffixes["api"]
    }
    worker = {
      cluster_name = module.cluster.cluster_name
      service_name = "${local.name}-worker"
    }
  }

  tags = local.platform_tags
}

module "api" {
  source = "../../../modules/ecs-service"

  name          = "${local.name}-api"
  cluster_arn   = module.cluster.cluster_arn
  vpc_id        = module.network.vpc_id
  subnet_ids    = module.network.private_subnet_ids
  task_cpu      = var.api.cpu
  task_memory   = var.api.memory
  desired_count = var.api.desired_count

  container = {
    image = "${module.ecr.repository_urls["${local.name}/card-catalog-api"]}:${var.image_tag}"
    port  = 8080
  }
  ecr_repository_arns = [module.ecr.repository_arns["${local.name}/card-catalog-api"]]
  log                 = { retention_in_days = var.log_retention_in_days }

  capacity_provider_strategy = var.environment == "prod" ? [{ capacity_provider = "FARGATE", weight = 1, base = 1 }] : [{ capacity_provider = "FARGATE_SPOT", weight = 1 }]

  load_balancers               = [{ target_group_arn = module.alb.target_group_arns["api"] }]
  ingress_from_security_groups = { alb = module.alb.security_group_id }
  deployment_alarms            = { alarm_names = module.monitoring.deployment_alarm_names["api"] }

  autoscaling = {
    min_capacity = var.api.min_capacity
    max_capacity = var.api.max_capacity
    cpu_target   = 75
  }

  tags = local.api_tags
}

module "worker" {
  source = "../../../modules/ecs-service"

  name          = "${local.name}-worker"
  cluster_arn   = module.cluster.cluster_arn
  vpc_id        = module.network.vpc_id
  subnet_ids    = module.network.private_subnet_ids
  task_cpu      = var.worker.cpu
  task_memory   = var.worker.memory
  desired_count = var.worker.desired_count

  container = {
    image = "${module.ecr.repository_urls["${local.name}/orders-ingestion"]}:${var.image_tag}"
  }
  ecr_repository_arns = [module.ecr.repository_arns["${local.name}/orders-ingestion"]]
  log                 = { retention_in_days = var.log_retention_in_days }

  capacity_provider_strategy = var.environment == "prod" ? [{ capacity_provider = "FARGATE", weight = 1, base = 1 }] : [{ capacity_provider = "FARGATE_SPOT", weight = 1 }]
  # No load balancer: a worker has no rollout signal but its own health, so keep the circuit breaker.
  deployment = { minimum_healthy_percent = 100, maximum_percent = 200 }

  autoscaling = {
    min_capacity = var.worker.min_capacity
    max_capacity = var.worker.max_capacity
    cpu_target   = 75
  }

  tags = local.worker_tags
}

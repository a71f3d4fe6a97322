module "network" {
  source = "../../modules/network"

  name     = var.name
  az_count = 2
  # The web tier needs no internet egress, only AWS APIs: endpoints instead of a NAT gateway.
  nat_gateway_mode = "none"
  vpc_endpoints    = ["ecr.api", "ecr.dkr", "logs", "s3"]

  tags = var.tags
}

module "ecr" {
  source = "../../modules/ecr"

  repository_names = [var.name]
  lifecycle_policy = { keep_last = 10, untagged_expire_days = 7 }

  tags = var.tags
}

module "cluster" {
  source = "../../modules/ecs-cluster"

  name = var.name
  default_capacity_provider_strategy = [
    { capacity_provider = "FARGATE", weight = 1, base = 1 },
    { capacity_provider = "FARGATE_SPOT", weight = 1 },
  ]

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
    web = {
      port = 80
      health_check = {
        path              = "/"
        healthy_threshold = 2
        interval          = 30
      }
    }
  }
  default_target_group_key = "web"

  tags = var.tags
}

module "web" {
  source = "../../modules/ecs-service"

  name          = var.name
  cluster_arn   = module.cluster.cluster_arn
  vpc_id        = module.network.vpc_id
  subnet_ids    = module.network.private_subnet_ids
  task_cpu      = 512
  task_memory   = 1024
  desired_count = 2

  container = {
    image = "${module.ecr.repository_urls[var.name]}:${var.bootstrap_image_tag}"
    port  = 80
  }
  ecr_repository_arns = [module.ecr.repository_arns[var.name]]

  launch_type = var.service_launch_type
  capacity_provider_strategy = [
    { capacity_provider = "FARGATE", weight = 1, base = 1 },
    { capacity_provider = "FARGATE_SPOT", weight = 1 },
  ]

  load_balancers               = [{ target_group_arn = module.alb.target_group_arns["web"] }]
  ingress_from_security_groups = { alb = module.alb.security_group_id }
  deployment                   = { minimum_healthy_percent = 50, maximum_percent = 200 }

  autoscaling = var.enable_autoscaling ? {
    min_capacity  = 1
    max_capacity  = 5
    cpu_target    = 70
    memory_target = 80
  } : null

  tags = var.tags
}

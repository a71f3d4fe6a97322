data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  ssm_prefix = "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter"

  services = {
    backend = {
      port   = 8080
      health = "/health"
      # Created out of band (aws ssm put-parameter --type SecureString), as in the write-up.
      secrets = {
        JWT_SECRET              = "${local.ssm_prefix}/skyfox-backend/jwt-secret"
        DATABASE_URL            = "${local.ssm_prefix}/skyfox-backend/database-url"
        MOVIE_SERVICE_API_KEY   = "${local.ssm_prefix}/skyfox-backend/movie-service-api-key"
        PAYMENT_GATEWAY_API_KEY = "${local.ssm_prefix}/skyfox-backend/payment-gateway-api-key"
      }
    }
    payment = { port = 8082, health = "/pshealth", secrets = {} }
    movie   = { port = 4567, health = "/mshealth", secrets = {} }
  }
}

module "network" {
  source = "../../modules/network"

  name             = var.name
  cidr_block       = "10.0.0.0/16"
  az_count         = 3
  nat_gateway_mode = "single"

  tags = var.tags
}

module "ecr" {
  source = "../../modules/ecr"

  repository_names = [for k, _ in local.services : "${var.name}-${k}"]

  tags = var.tags
}

module "cluster" {
  source = "../../modules/ecs-cluster"

  name = var.name
  ec2_capacity = {
    enabled       = true
    vpc_id        = module.network.vpc_id
    subnet_ids    = module.network.private_subnet_ids
    instance_type = "t4g.small"
    min_size      = 2
    max_size      = 4
  }
  default_capacity_provider_strategy = [{ capacity_provider = "EC2", weight = 1 }]

  tags = var.tags
}

module "external_alb" {
  source = "../../modules/alb"

  name        = "${var.name}-external"
  vpc_id      = module.network.vpc_id
  subnet_ids  = module.network.public_subnet_ids
  certificate = var.certificate_arn != null ? { arn = var.certificate_arn } : { domain_name = var.domain_name }

  target_groups = {
    backend = { port = 8080, target_type = "instance", health_check = { path = "/health" } }
  }
  default_target_group_key = "backend"

  tags = var.tags
}

# Internal ALB for service-to-service calls from the backend, with path routing.
module "internal_alb" {
  source = "../../modules/alb"

  name                       = "${var.name}-internal"
  internal                   = true
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.private_subnet_ids
  http_mode                  = "forward"
  ingress_cidr_blocks        = []
  ingress_security_group_ids = { instances = module.cluster.instance_security_group_id }

  target_groups = {
    payment = { port = 8082, target_type = "instance", health_check = { path = "/pshealth" } }
    movie   = { port = 4567, target_type = "instance", health_check = { path = "/mshealth" } }
  }
  listener_rules = {
    payment = { priority = 10, target_group_key = "payment", path_patterns = ["/payment-service/*"] }
    movie   = { priority = 20, target_group_key = "movie", path_patterns = ["/movie-service/*"] }
  }

  tags = var.tags
}

# Bridge networking: tasks get dynamic host ports, so both ALBs reach the instances on the ephemeral range.
resource "aws_vpc_security_group_ingress_rule" "instances_from_albs" {
  for_each = {
    external = module.external_alb.security_group_id
    internal = module.internal_alb.security_group_id
  }

  security_group_id            = module.cluster.instance_security_group_id
  description                  = "${each.key} ALB to dynamic host ports"
  referenced_security_group_id = each.value
  from_port                    = 32768
  to_port                      = 65535
  ip_protocol                  = "tcp"

  tags = var.tags
}

module "service" {
  source   = "../../modules/ecs-service"
  for_each = local.services

  name             = "${var.name}-${each.key}"
  cluster_arn      = module.cluster.cluster_arn
  compatibility    = "EC2"
  network_mode     = "bridge"
  cpu_architecture = "ARM64"
  task_cpu         = 512
  task_memory      = 512
  desired_count    = 2

  container = {
    image   = "${module.ecr.repository_urls["${var.name}-${each.key}"]}:${var.image_tag}"
    port    = each.value.port
    secrets = each.value.secrets
    environment = each.key == "backend" ? {
      INTERNAL_ALB_URL = "http://${module.internal_alb.dns_name}"
    } : {}
    health_check = {
      command = ["CMD-SHELL", "wget -q -O /dev/null http://localhost:${each.value.port}${each.value.health} || exit 1"]
    }
  }
  ecr_repository_arns = [module.ecr.repository_arns["${var.name}-${each.key}"]]

  capacity_provider_strategy = [{ capacity_provider = module.cluster.ec2_capacity_provider_name, weight = 1 }]

  load_balancers = [{
    target_group_arn = each.key == "backend" ? module.external_alb.target_group_arns["backend"] : module.internal_alb.target_group_arns[each.key]
  }]

  # Two small instances: never run more than desired, keep half serving during a rollout.
  deployment = { minimum_healthy_percent = 50, maximum_percent = 100 }

  autoscaling = {
    min_capacity  = 2
    max_capacity  = 4
    cpu_target    = 70
    memory_target = 80
  }

  tags = var.tags
}

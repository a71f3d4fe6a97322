locals {
  grpc_services = {
    user    = { port = 5000, repo = "sv-user" }
    expense = { port = 5001, repo = "sv-expense" }
    notify  = { port = 5002, repo = "sv-notify" }
  }
  http_services = {
    api   = { port = 5003, repo = "sv-core-api", host = "api.${var.domain}", health = "/health" }
    front = { port = 4201, repo = "frontend-svc", host = "front.${var.domain}", health = "/health" }
  }
}

module "network" {
  source = "../../modules/network"

  name             = var.name
  cidr_block       = "10.10.0.0/16"
  az_count         = 2
  nat_gateway_mode = "single"

  tags = var.tags
}

module "ecr" {
  source = "../../modules/ecr"

  repository_names = concat([for s in local.grpc_services : s.repo], [for s in local.http_services : s.repo])

  tags = var.tags
}

resource "aws_service_discovery_private_dns_namespace" "this" {
  name        = "servicemap.internal"
  description = "Cloud Map namespace of ${var.name}"
  vpc         = module.network.vpc_id

  tags = var.tags
}

module "cluster" {
  source = "../../modules/ecs-cluster"

  name                          = var.name
  service_connect_namespace_arn = aws_service_discovery_private_dns_namespace.this.arn

  tags = var.tags
}

# Public ALB: host-based routing with TLS for the HTTP API and the frontend.
module "public_alb" {
  source = "../../modules/alb"

  name       = "${var.name}-web"
  vpc_id     = module.network.vpc_id
  subnet_ids = module.network.public_subnet_ids
  certificate = {
    domain_name               = "api.${var.domain}"
    subject_alternative_names = ["front.${var.domain}"]
    route53_zone_id           = var.route53_zone_id
  }

  target_groups = { for k, s in local.http_services : k => { port = s.port, health_check = { path = s.health } } }
  listener_rules = {
    for i, k in keys(local.http_services) : k => {
      priority         = 10 * (i + 1)
      target_group_key = k
      host_headers     = [local.http_services[k].host]
    }
  }

  tags = var.tags
}

module "http" {
  source   = "../../modules/ecs-service"
  for_each = local.http_services

  name        = "${var.name}-${each.key}"
  cluster_arn = module.cluster.cluster_arn
  vpc_id      = module.network.vpc_id
  subnet_ids  = module.network.private_subnet_ids

  container = {
    image     = "${module.ecr.repository_urls[each.value.repo]}:${var.image_tag}"
    port      = each.value.port
    port_name = each.key
    environment = {
      USER_SERVICE_ADDR    = "user.servicemap.internal:5000"
      EXPENSE_SERVICE_ADDR = "expense.servicemap.internal:5001"
      NOTIFY_SERVICE_ADDR  = "notify.servicemap.internal:5002"
    }
  }
  ecr_repository_arns = [module.ecr.repository_arns[each.value.repo]]

  load_balancers               = [{ target_group_arn = module.public_alb.target_group_arns[each.key] }]
  ingress_from_security_groups = { alb = module.public_alb.security_group_id }
  # Service Connect client only: resolves the gRPC services' names.
  service_connect = { namespace = aws_service_discovery_private_dns_namespace.this.arn, server = false }

  tags = var.tags
}

# Internal NLB: one TCP listener per gRPC service (TLS and HTTP/2 pass end to end).
module "grpc_nlb" {
  source = "../../modules/alb"

  name                = "${var.name}-grpc"
  type                = "network"
  internal            = true
  vpc_id              = module.network.vpc_id
  subnet_ids          = module.network.private_subnet_ids
  ingress_cidr_blocks = []
  ingress_security_group_ids = {
    api = module.http["api"].security_group_id
  }

  target_groups = { for k, s in local.grpc_services : k => { port = s.port, protocol = "TCP" } }
  tcp_listeners = { for k, s in local.grpc_services : k => { port = s.port, target_group_key = k } }

  tags = var.tags
}

module "grpc" {
  source   = "../../modules/ecs-service"
  for_each = local.grpc_services

  name        = "${var.name}-${each.key}"
  cluster_arn = module.cluster.cluster_arn
  vpc_id      = module.network.vpc_id
  subnet_ids  = module.network.private_subnet_ids

  container = {
    image        = "${module.ecr.repository_urls[each.value.repo]}:${var.image_tag}"
    port         = each.value.port
    port_name    = "grpc"
    app_protocol = "grpc"
  }
  ecr_repository_arns = [module.ecr.repository_arns[each.value.repo]]

  load_balancers = [{ target_group_arn = module.grpc_nlb.target_group_arns[each.key] }]
  ingress_from_security_groups = {
    nlb = module.grpc_nlb.security_group_id
    api = module.http["api"].security_group_id
  }

  # Cloud Map A records: <service>.servicemap.internal resolves to task IPs.
  service_discovery = { namespace_id = aws_service_discovery_private_dns_namespace.this.id, name = each.key }

  tags = var.tags
}

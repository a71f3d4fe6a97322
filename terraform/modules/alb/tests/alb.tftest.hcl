mock_provider "aws" {
  override_data {
    target = data.aws_vpc.this
    values = { cidr_block = "10.0.0.0/16" }
  }
}

variables {
  name       = "shop"
  vpc_id     = "vpc-0123456789abcdef0"
  subnet_ids = ["subnet-0a", "subnet-0b"]
  certificate = {
    arn = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"
  }
  target_groups = {
    api     = { port = 8000, health_check = { path = "/health" } }
    payment = { port = 8082, target_type = "instance", health_check = { path = "/pshealth" } }
  }
  default_target_group_key = "api"
  listener_rules = {
    payment = { priority = 10, target_group_key = "payment", path_patterns = ["/payment-service/*"] }
  }
  tags = { Project = "slipway" }
}

run "public_alb_https_with_redirect" {
  command = plan

  assert {
    condition     = aws_lb.this.load_balancer_type == "application" && !aws_lb.this.internal && aws_lb.this.drop_invalid_header_fields
    error_message = "internet-facing ALB dropping invalid headers"
  }
  assert {
    condition     = aws_lb.this.enable_deletion_protection
    error_message = "deletion protection on by default"
  }
  assert {
    condition     = aws_lb_listener.http[0].default_action[0].type == "redirect" && aws_lb_listener.http[0].default_action[0].redirect[0].protocol == "HTTPS"
    error_message = "port 80 redirects to HTTPS"
  }
  assert {
    condition     = aws_lb_listener.https[0].ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06" && aws_lb_listener.https[0].certificate_arn == var.certificate.arn
    error_message = "TLS 1.2+ policy and the given certificate"
  }
  assert {
    condition     = aws_lb_target_group.this["api"].health_check[0].path == "/health" && aws_lb_target_group.this["api"].target_type == "ip"
    error_message = "health check path and ip targets"
  }
  assert {
    condition     = aws_lb_target_group.this["payment"].target_type == "instance"
    error_message = "instance targets for bridge mode"
  }
  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.cidr) == 2 && aws_vpc_security_group_egress_rule.targets.cidr_ipv4 == "10.0.0.0/16"
    error_message = "80/443 in, egress only into the VPC"
  }
}

run "internal_http_path_routing" {
  command = plan

  variables {
    internal                 = true
    certificate              = null
    http_mode                = "forward"
    ingress_cidr_blocks      = []
    default_target_group_key = null
    listener_rules = {
      payment = { priority = 10, target_group_key = "payment", path_patterns = ["/payment-service/*"] }
      api     = { priority = 20, target_group_key = "api", path_patterns = ["/movie-service/*"] }
    }
    ingress_security_group_ids = { instances = "sg-0instances" }
  }

  assert {
    condition     = aws_lb.this.internal && length(aws_lb_listener.https) == 0
    error_message = "internal ALB without TLS"
  }
  assert {
    condition     = aws_lb_listener.http[0].default_action[0].type == "fixed-response"
    error_message = "unmatched requests get 404"
  }
  assert {
    condition     = length(aws_lb_listener_rule.this) == 2 && length(aws_vpc_security_group_ingress_rule.cidr) == 0 && length(aws_vpc_security_group_ingress_rule.sg) == 1
    error_message = "rules on the HTTP listener; only the given security group may connect"
  }
}

run "nlb_for_grpc" {
  command = plan

  variables {
    type                     = "network"
    internal                 = true
    certificate              = null
    default_target_group_key = null
    listener_rules           = {}
    target_groups = {
      user = { port = 5000, protocol = "TCP" }
    }
    tcp_listeners = {
      user = { port = 5000, target_group_key = "user" }
    }
  }

  assert {
    condition     = aws_lb.this.load_balancer_type == "network" && aws_lb.this.enable_cross_zone_load_balancing
    error_message = "cross-zone NLB"
  }
  assert {
    condition     = aws_lb_listener.tcp["user"].protocol == "TCP" && aws_lb_listener.tcp["user"].port == 5000
    error_message = "TCP listener"
  }
  assert {
    condition     = aws_lb_target_group.this["user"].health_check[0].protocol == "TCP" && length(aws_lb_listener.http) == 0
    error_message = "TCP health checks, no HTTP listener"
  }
}

run "rejects_redirect_without_certificate" {
  command = plan
  variables {
    certificate = null
  }
  expect_failures = [aws_lb.this]
}

run "rejects_rule_to_unknown_target_group" {
  command = plan
  variables {
    listener_rules = {
      ghost = { priority = 10, target_group_key = "ghost", path_patterns = ["/ghost/*"] }
    }
  }
  expect_failures = [aws_lb.this]
}

run "rejects_duplicate_priorities" {
  command = plan
  variables {
    listener_rules = {
      a = { priority = 10, target_group_key = "api", path_patterns = ["/a/*"] }
      b = { priority = 10, target_group_key = "api", path_patterns = ["/b/*"] }
    }
  }
  expect_failures = [var.listener_rules]
}

run "rejects_rule_without_condition" {
  command = plan
  variables {
    listener_rules = {
      a = { priority = 10, target_group_key = "api" }
    }
  }
  expect_failures = [var.listener_rules]
}

run "rejects_single_subnet" {
  command = plan
  variables {
    subnet_ids = ["subnet-0a"]
  }
  expect_failures = [var.subnet_ids]
}

run "rejects_old_tls_policy" {
  command = plan
  variables {
    ssl_policy = "ELBSecurityPolicy-2016-08"
  }
  expect_failures = [var.ssl_policy]
}

run "rejects_both_certificate_sources" {
  command = plan
  variables {
    certificate = {
      arn         = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"
      domain_name = "shop.example.com"
    }
  }
  expect_failures = [var.certificate]
}

run "rejects_long_name" {
  command = plan
  variables {
    name = "a-load-balancer-name-that-is-far-too-long"
  }
  expect_failures = [var.name]
}

data "aws_vpc" "this" {
  id = var.vpc_id
}

locals {
  is_alb = var.type == "application"

  create_certificate = try(var.certificate.domain_name, null) != null
  validate_cert      = local.create_certificate && try(var.certificate.route53_zone_id, null) != null
  has_certificate    = var.certificate != null
  certificate_arn = !local.has_certificate ? null : (
    local.create_certificate ? (local.validate_cert ? aws_acm_certificate_validation.this[0].certificate_arn : aws_acm_certificate.this[0].arn) : var.certificate.arn
  )

  https      = local.is_alb && local.has_certificate
  http       = local.is_alb && var.http_mode != "none"
  rules_on   = local.https ? "https" : "http"
  name_short = substr(var.name, 0, 15)

  listener_ports = local.is_alb ? concat(local.http ? [80] : [], local.https ? [443] : []) : distinct([for l in var.tcp_listeners : l.port])

  ingress_cidr_rules = { for pair in setproduct(local.listener_ports, var.ingress_cidr_blocks) : "${pair[0]}-${pair[1]}" => { port = pair[0], cidr = pair[1] } }
  ingress_sg_rules = merge([for label, sg in var.ingress_security_group_ids : {
    for port in local.listener_ports : "${port}-${label}" => { port = port, sg = sg }
  }]...)

  default_tg_protocol = local.is_alb ? "HTTP" : "TCP"
}

resource "aws_security_group" "this" {
  name_prefix = "${substr(var.name, 0, 28)}-"
  description = "${var.internal ? "Internal" : "Internet-facing"} ${var.type} load balancer ${var.name}"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "cidr" {
  #checkov:skip=CKV_AWS_260:Internet-facing load balancers exist to take traffic from anywhere; port 80 only redirects to HTTPS unless http_mode = "forward" is chosen explicitly.
  for_each = local.ingress_cidr_rules

  security_group_id = aws_security_group.this.id
  description       = "Clients ${each.value.cidr} to listener ${each.value.port}"
  cidr_ipv4         = each.value.cidr
  from_port         = each.value.port
  to_port           = each.value.port
  ip_protocol       = "tcp"

  tags = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "sg" {
  for_each = local.ingress_sg_rules

  security_group_id            = aws_security_group.this.id
  description                  = "${each.key} to listener ${each.value.port}"
  referenced_security_group_id = each.value.sg
  from_port                    = each.value.port
  to_port                      = each.value.port
  ip_protocol                  = "tcp"

  tags = var.tags
}

# Targets and their health checks live in the VPC; the load balancer needs nothing else.
resource "aws_vpc_security_group_egress_rule" "targets" {
  security_group_id = aws_security_group.this.id
  description       = "To targets (any TCP port, for dynamic host ports) inside the VPC"
  cidr_ipv4         = data.aws_vpc.this.cidr_block
  from_port         = 1
  to_port           = 65535
  ip_protocol       = "tcp"

  tags = var.tags
}

# ---------------------------------------------------------------------------------------------------------
# Certificate
# ---------------------------------------------------------------------------------------------------------
resource "aws_acm_certificate" "this" {
  count = local.create_certificate ? 1 : 0

  domain_name               = var.certificate.domain_name
  subject_alternative_names = var.certificate.subject_alternative_names
  validation_method         = "DNS"

  tags = merge(var.tags, { Name = var.certificate.domain_name })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = local.validate_cert ? { for o in aws_acm_certificate.this[0].domain_validation_options : o.domain_name => o } : {}

  zone_id         = var.certificate.route53_zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 60
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  count = local.validate_cert ? 1 : 0

  certificate_arn         = aws_acm_certificate.this[0].arn
  validation_record_fqdns = [for r in aws_route53_record.validation : r.fqdn]
}

# ---------------------------------------------------------------------------------------------------------
# Load balancer
# ---------------------------------------------------------------------------------------------------------
resource "aws_lb" "this" {
  #checkov:skip=CKV_AWS_150:Deletion protection defaults to true (var.deletion_protection); callers turn it off only for throwaway stacks such as dev or the emulator run.
  #checkov:skip=CKV2_AWS_20:Port 80 redirects to HTTPS by default (http_mode = "redirect", built with a dynamic block checkov cannot follow); plain forwarding is an explicit opt-in for internal load balancers, and NLBs have no HTTP listener.
  #checkov:skip=CKV_AWS_91:Access logs need a caller-owned bucket with an ELB delivery policy; they are opt-in through var.access_logs.
  #checkov:skip=CKV2_AWS_28:WAF is a separate, per-application decision (rules, cost); attach a web ACL to the output arn where needed.
  #checkov:skip=CKV2_AWS_76:WAF is a separate, per-application decision (rules, cost); attach a web ACL to the output arn where needed.
  name                             = var.name
  load_balancer_type               = var.type
  internal                         = var.internal
  subnets                          = var.subnet_ids
  security_groups                  = [aws_security_group.this.id]
  enable_deletion_protection       = var.deletion_protection
  drop_invalid_header_fields       = local.is_alb ? true : null
  idle_timeout                     = local.is_alb ? var.idle_timeout : null
  enable_cross_zone_load_balancing = local.is_alb ? null : true

  dynamic "access_logs" {
    for_each = var.access_logs == null ? [] : [var.access_logs]
    content {
      enabled = true
      bucket  = access_logs.value.bucket
      prefix  = access_logs.value.prefix
    }
  }

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    precondition {
      condition     = !local.is_alb || var.http_mode != "redirect" || local.has_certificate
      error_message = "http_mode = \"redirect\" needs a certificate to redirect to; set certificate, or http_mode = \"forward\" for a plain-HTTP (internal) load balancer."
    }
    precondition {
      condition     = !local.is_alb || local.http || local.https
      error_message = "The application load balancer would have no listener: set a certificate or http_mode other than \"none\"."
    }
    precondition {
      condition     = local.is_alb || length(var.tcp_listeners) > 0
      error_message = "type = \"network\" needs at least one entry in tcp_listeners."
    }
    precondition {
      condition     = local.is_alb ? length(var.tcp_listeners) == 0 : (length(var.listener_rules) == 0 && var.default_target_group_key == null)
      error_message = "tcp_listeners are for type = \"network\"; listener_rules and default_target_group_key are for type = \"application\"."
    }
    precondition {
      condition     = alltrue([for r in var.listener_rules : contains(keys(var.target_groups), r.target_group_key)]) && alltrue([for l in var.tcp_listeners : contains(keys(var.target_groups), l.target_group_key)]) && (var.default_target_group_key == null || contains(keys(var.target_groups), coalesce(var.default_target_group_key, "-")))
      error_message = "A listener rule, tcp listener or default_target_group_key names a target group key that is not in target_groups (${join(", ", keys(var.target_groups))})."
    }
    precondition {
      condition     = local.is_alb || alltrue([for l in var.tcp_listeners : l.protocol != "TLS" || local.has_certificate])
      error_message = "A TLS tcp_listener needs certificate to be set."
    }
    precondition {
      condition     = alltrue([for tg in var.target_groups : tg.protocol == null || (local.is_alb ? contains(["HTTP", "HTTPS"], coalesce(tg.protocol, "-")) : contains(["TCP", "TLS"], coalesce(tg.protocol, "-")))]) && (local.is_alb || alltrue([for tg in var.target_groups : tg.protocol_version == null]))
      error_message = "Target group protocols must be HTTP/HTTPS on an application load balancer and TCP/TLS (without protocol_version) on a network load balancer."
    }
  }
}

resource "aws_lb_target_group" "this" {
  for_each = var.target_groups

  name                 = "${local.name_short}-${each.key}"
  port                 = each.value.port
  protocol             = coalesce(each.value.protocol, local.default_tg_protocol)
  protocol_version     = local.is_alb ? coalesce(each.value.protocol_version, "HTTP1") : null
  target_type          = each.value.target_type
  vpc_id               = var.vpc_id
  deregistration_delay = each.value.deregistration_delay

  health_check {
    enabled             = true
    protocol            = coalesce(each.value.health_check.protocol, local.is_alb ? "HTTP" : "TCP")
    port                = each.value.health_check.port
    path                = coalesce(each.value.health_check.protocol, local.is_alb ? "HTTP" : "TCP") == "TCP" ? null : each.value.health_check.path
    matcher             = coalesce(each.value.health_check.protocol, local.is_alb ? "HTTP" : "TCP") == "TCP" ? null : coalesce(each.value.health_check.matcher, try(each.value.protocol_version, null) == "GRPC" ? "0" : "200")
    interval            = each.value.health_check.interval
    timeout             = each.value.health_check.timeout
    healthy_threshold   = each.value.health_check.healthy_threshold
    unhealthy_threshold = each.value.health_check.unhealthy_threshold
  }

  tags = merge(var.tags, { Name = "${local.name_short}-${each.key}" })
}

# ---------------------------------------------------------------------------------------------------------
# Application load balancer listeners
# ---------------------------------------------------------------------------------------------------------
resource "aws_lb_listener" "http" {
  #checkov:skip=CKV_AWS_2:Port 80 redirects to HTTPS by default; plain HTTP forwarding needs the explicit http_mode = "forward" (internal load balancers, emulators).
  #checkov:skip=CKV_AWS_103:This listener is plain HTTP (redirect or explicit forward); the HTTPS listener enforces TLS 1.2+ through var.ssl_policy.
  count = local.http ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  dynamic "default_action" {
    for_each = var.http_mode == "redirect" ? [1] : []
    content {
      type = "redirect"
      redirect {
        port        = "443"
        protocol    = "HTTPS"
        status_code = "HTTP_301"
      }
    }
  }

  dynamic "default_action" {
    for_each = var.http_mode == "forward" && var.default_target_group_key != null ? [1] : []
    content {
      type             = "forward"
      target_group_arn = aws_lb_target_group.this[var.default_target_group_key].arn
    }
  }

  dynamic "default_action" {
    for_each = var.http_mode == "forward" && var.default_target_group_key == null ? [1] : []
    content {
      type = "fixed-response"
      fixed_response {
        content_type = "text/plain"
        message_body = "Not Found"
        status_code  = "404"
      }
    }
  }

  tags = var.tags
}

resource "aws_lb_listener" "https" {
  count = local.https ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = local.certificate_arn

  dynamic "default_action" {
    for_each = var.default_target_group_key != null ? [1] : []
    content {
      type             = "forward"
      target_group_arn = aws_lb_target_group.this[var.default_target_group_key].arn
    }
  }

  dynamic "default_action" {
    for_each = var.default_target_group_key == null ? [1] : []
    content {
      type = "fixed-response"
      fixed_response {
        content_type = "text/plain"
        message_body = "Not Found"
        status_code  = "404"
      }
    }
  }

  tags = var.tags
}

resource "aws_lb_listener_rule" "this" {
  for_each = local.is_alb ? var.listener_rules : {}

  listener_arn = local.rules_on == "https" ? aws_lb_listener.https[0].arn : aws_lb_listener.http[0].arn
  priority     = each.value.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[each.value.target_group_key].arn
  }

  dynamic "condition" {
    for_each = length(each.value.path_patterns) > 0 ? [1] : []
    content {
      path_pattern {
        values = each.value.path_patterns
      }
    }
  }

  dynamic "condition" {
    for_each = length(each.value.host_headers) > 0 ? [1] : []
    content {
      host_header {
        values = each.value.host_headers
      }
    }
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = local.https || var.http_mode == "forward"
      error_message = "listener_rules need a listener that forwards: set a certificate (rules go on HTTPS) or http_mode = \"forward\"."
    }
  }
}

# ---------------------------------------------------------------------------------------------------------
# Network load balancer listeners
# ---------------------------------------------------------------------------------------------------------
resource "aws_lb_listener" "tcp" {
  #checkov:skip=CKV_AWS_2:Network load balancer listeners speak TCP or TLS; TCP passes end-to-end TLS (e.g. gRPC over TLS) through untouched.
  #checkov:skip=CKV_AWS_103:TLS listeners use var.ssl_policy (TLS 1.2+); TCP listeners do not terminate TLS.
  for_each = local.is_alb ? {} : var.tcp_listeners

  load_balancer_arn = aws_lb.this.arn
  port              = each.value.port
  protocol          = each.value.protocol
  ssl_policy        = each.value.protocol == "TLS" ? var.ssl_policy : null
  certificate_arn   = each.value.protocol == "TLS" ? local.certificate_arn : null

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[each.value.target_group_key].arn
  }

  tags = var.tags
}

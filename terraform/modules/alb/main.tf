# alb: an application or network load balancer with its target groups. Terraform reads every .tf file here
# as one module; the files are split by concern:
#   main.tf            shared locals, the load balancer and its target groups
#   security-group.tf  the load balancer's security group (clients in, targets out)
#   certificate.tf     the ACM certificate and its DNS validation, when the module creates one
#   listeners.tf       HTTP/HTTPS listeners and rules (application), TCP/TLS listeners (network)
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
  # Health checks speak the target group's default protocol unless told otherwise; TCP checks have no path.
  health_check_protocols = { for k, tg in var.target_groups : k => coalesce(tg.health_check.protocol, local.default_tg_protocol) }
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
    protocol            = local.health_check_protocols[each.key]
    port                = each.value.health_check.port
    path                = local.health_check_protocols[each.key] == "TCP" ? null : each.value.health_check.path
    matcher             = local.health_check_protocols[each.key] == "TCP" ? null : coalesce(each.value.health_check.matcher, try(each.value.protocol_version, null) == "GRPC" ? "0" : "200")
    interval            = each.value.health_check.interval
    timeout             = each.value.health_check.timeout
    healthy_threshold   = each.value.health_check.healthy_threshold
    unhealthy_threshold = each.value.health_check.unhealthy_threshold
  }

  tags = merge(var.tags, { Name = "${local.name_short}-${each.key}" })
}

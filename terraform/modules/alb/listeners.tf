# alb listeners. Application: port 80 (redirect to HTTPS, or forward) and 443 (TLS, var.ssl_policy), the
# listener rules on whichever of them forwards. Network: one TCP or TLS listener per var.tcp_listeners entry.
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

# ecs-service networking (network_mode = "awsvpc"): the tasks' own security group, ingress from the named
# security groups (e.g. the load balancer) on the container port, and all egress.
resource "aws_security_group" "this" {
  count = local.awsvpc ? 1 : 0

  name_prefix = "${substr(var.name, 0, 28)}-"
  description = "Tasks of ECS service ${var.name}"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    create_before_destroy = true
    precondition {
      condition     = var.vpc_id != null && length(var.subnet_ids) > 0
      error_message = "network_mode is awsvpc, so vpc_id and subnet_ids must be set."
    }
  }
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  #checkov:skip=CKV_AWS_260:False positive: the rule admits only the referenced security group (e.g. the load balancer), never a CIDR.
  for_each = local.awsvpc && var.container.port != null ? var.ingress_from_security_groups : {}

  security_group_id            = aws_security_group.this[0].id
  description                  = "${each.key} to ${var.name}:${var.container.port}"
  referenced_security_group_id = each.value
  from_port                    = var.container.port
  to_port                      = var.container.port
  ip_protocol                  = "tcp"

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "all" {
  count = local.awsvpc ? 1 : 0

  security_group_id = aws_security_group.this[0].id
  description       = "Outbound: AWS APIs, ECR, and the service's dependencies"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"

  tags = var.tags
}

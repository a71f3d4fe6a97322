# alb security group: clients reach the listener ports from CIDR blocks or from named security groups, and the
# load balancer reaches its targets anywhere in the VPC. The CIDR and security-group rules are two resources,
# not one for_each: they set different arguments (cidr_ipv4 / referenced_security_group_id), only the CIDR
# rules need the checkov skip, and their addresses are in callers' state and the tests.
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

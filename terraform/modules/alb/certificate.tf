# alb certificate: created here when var.certificate names a domain_name (validated through Route 53 when a
# zone is given); an existing certificate is passed as var.certificate.arn instead.
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

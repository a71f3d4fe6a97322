# ecs-service: one ECS service and everything it owns. Terraform reads every .tf file here as one module;
# the files are split by concern:
#   main.tf               shared data sources and locals, the service's log group
#   iam.tf                execution role (ECS agent) and task role (the application)
#   task-definition.tf    container definition and the (bootstrap) task definition
#   security-group.tf     the tasks' security group (awsvpc)
#   service-discovery.tf  Cloud Map service (DNS-based discovery)
#   service.tf            the ECS service, in its two lifecycle variants
#   autoscaling.tf        Application Auto Scaling target and target-tracking policies
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  cluster_name   = element(split("/", var.cluster_arn), 1)
  container_name = coalesce(var.container.name, var.name)
  log_group_name = coalesce(var.log.group_name, "/ecs/${local.cluster_name}/${var.name}")
  awsvpc         = var.network_mode == "awsvpc"
  has_lb         = length(var.load_balancers) > 0
}

# ---------------------------------------------------------------------------------------------------------
# Logs (the application container and the Service Connect proxy write here)
# ---------------------------------------------------------------------------------------------------------
resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_338:Retention is a per-service cost and compliance decision (var.log.retention_in_days, default 30 days); long-term audit logs belong in a central archive.
  #checkov:skip=CKV_AWS_158:KMS encryption is opt-in through var.log.kms_key_arn; CloudWatch Logs always encrypts at rest with its own keys.
  name              = local.log_group_name
  retention_in_days = var.log.retention_in_days
  kms_key_id        = var.log.kms_key_arn

  tags = var.tags
}

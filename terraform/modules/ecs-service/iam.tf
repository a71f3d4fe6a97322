# ecs-service IAM: the execution role (ECS agent: pull the image, write its own logs, read its own secrets)
# and the task role (what the application may do). Both trust only ECS acting for this account.
locals {
  # Secrets: the IAM resource of a Secrets Manager reference is the secret ARN without the
  # ":json-key:version-stage:version-id" suffix ECS allows in valueFrom.
  ssm_parameter_arns = distinct([for v in values(var.container.secrets) : v if can(regex(":ssm:", v))])
  secret_arns        = distinct([for v in values(var.container.secrets) : join(":", slice(split(":", v), 0, 7)) if can(regex(":secretsmanager:", v))])

  # Confused-deputy protection: only ECS acting for this account may assume the roles.
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Condition = {
        StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:${data.aws_partition.current.partition}:ecs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:*" }
      }
    }]
  })
}

resource "aws_iam_role" "execution" {
  name_prefix        = "${substr(var.name, 0, 26)}-exec-"
  description        = "ECS execution role of ${var.name}: pull its images, write its logs, read its secrets"
  assume_role_policy = local.assume_role_policy

  tags = var.tags
}

locals {
  execution_statements = concat(
    [{ Sid = "Logs", Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "${aws_cloudwatch_log_group.this.arn}:*" }],
    [for st in [
      { Sid = "EcrAuth", Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" },
      { Sid = "EcrPull", Effect = "Allow", Action = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource = var.ecr_repository_arns },
    ] : st if length(var.ecr_repository_arns) > 0],
    [for st in [{ Sid = "SsmParameters", Effect = "Allow", Action = "ssm:GetParameters", Resource = local.ssm_parameter_arns }] : st if length(local.ssm_parameter_arns) > 0],
    [for st in [{ Sid = "Secrets", Effect = "Allow", Action = "secretsmanager:GetSecretValue", Resource = local.secret_arns }] : st if length(local.secret_arns) > 0],
    [for st in [{
      Sid      = "DecryptSecrets"
      Effect   = "Allow"
      Action   = "kms:Decrypt"
      Resource = var.secrets_kms_key_arns
      Condition = { StringEquals = { "kms:ViaService" = [
        "ssm.${data.aws_region.current.name}.amazonaws.com",
        "secretsmanager.${data.aws_region.current.name}.amazonaws.com",
      ] } }
    }] : st if length(var.secrets_kms_key_arns) > 0],
  )

  task_statements = concat(
    [for s in var.task_role_policy_statements : merge(
      { Effect = s.effect, Action = s.actions, Resource = s.resources },
      s.sid == null ? {} : { Sid = s.sid },
      length(s.conditions) == 0 ? {} : { Condition = { for test in distinct([for c in s.conditions : c.test]) : test => { for c in s.conditions : c.variable => c.values if c.test == test } } },
    )],
    [for st in [{
      Sid      = "ExecuteCommand"
      Effect   = "Allow"
      Action   = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
      Resource = "*"
    }] : st if var.enable_execute_command],
  )
}

resource "aws_iam_role_policy" "execution" {
  name   = "execution"
  role   = aws_iam_role.execution.id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.execution_statements })
}

resource "aws_iam_role" "task" {
  name_prefix        = "${substr(var.name, 0, 26)}-task-"
  description        = "ECS task role of ${var.name}: what the application may do"
  assume_role_policy = local.assume_role_policy

  tags = var.tags
}

resource "aws_iam_role_policy" "task" {
  count = length(local.task_statements) > 0 ? 1 : 0

  name   = "task"
  role   = aws_iam_role.task.id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.task_statements })
}

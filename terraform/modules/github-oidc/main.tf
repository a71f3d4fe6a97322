data "aws_partition" "current" {}

locals {
  issuer       = "token.actions.githubusercontent.com"
  provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : var.oidc_provider_arn
  repo         = "repo:${var.repository}"

  subjects = {
    deploy = concat(
      [for b in var.deploy.branches : "${local.repo}:ref:refs/heads/${b}"],
      [for e in var.deploy.environments : "${local.repo}:environment:${e}"],
    )
    plan = concat(
      var.plan.pull_requests ? ["${local.repo}:pull_request"] : [],
      [for b in var.plan.branches : "${local.repo}:ref:refs/heads/${b}"],
      [for e in var.plan.environments : "${local.repo}:environment:${e}"],
    )
    apply = concat(
      [for b in var.apply.branches : "${local.repo}:ref:refs/heads/${b}"],
      [for e in var.apply.environments : "${local.repo}:environment:${e}"],
    )
  }

  enabled_roles = { for k, on in { deploy = var.deploy.enabled, plan = var.plan.enabled, apply = var.apply.enabled } : k => k if on }

  # ECS ARNs derived from each service ARN arn:<p>:ecs:<region>:<account>:service/<cluster>/<service>.
  services = [for s in var.deploy.services : merge(s, {
    prefix  = join(":", slice(split(":", s.service_arn), 0, 5))
    cluster = split("/", s.service_arn)[1]
    name    = split("/", s.service_arn)[2]
  })]

  state_bucket = var.state.bucket_arn
  state_prefix = trimsuffix(var.state.key_prefix, "/")
  state_objects = local.state_bucket == null ? [] : (
    local.state_prefix == "" ? ["${local.state_bucket}/*"] : ["${local.state_bucket}/${local.state_prefix}/*"]
  )
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]

  tags = var.tags
}

# Subjects are always prefixed with this one repository (validated: no wildcard in it), so a pattern can only
# widen the branch/environment part, never the repository.
locals {
  trust_policies = { for k in keys(local.enabled_roles) : k => jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "GitHubActions"
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.provider_arn }
      Condition = {
        StringEquals = { "${local.issuer}:aud" = "sts.amazonaws.com" }
        StringLike   = { "${local.issuer}:sub" = local.subjects[k] }
      }
    }]
  }) }
}

resource "aws_iam_role" "this" {
  for_each = local.enabled_roles

  name                 = "${var.name_prefix}-${each.key}"
  description          = "GitHub Actions (${var.repository}) ${each.key} role"
  assume_role_policy   = local.trust_policies[each.key]
  max_session_duration = var.max_session_duration

  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.create_oidc_provider || var.oidc_provider_arn != null
      error_message = "create_oidc_provider is false, so oidc_provider_arn must be set."
    }
  }
}

# ---------------------------------------------------------------------------------------------------------
# deploy: exactly what slipway's actions call
# ---------------------------------------------------------------------------------------------------------
locals {
  has_ecr      = length(var.deploy.ecr_repository_arns) > 0
  has_services = length(local.services) > 0
  # Log group ARNs in each service's partition, region and account: arn:<p>:logs:<region>:<account>:log-group:<name>
  log_groups = distinct(flatten([for s in local.services : [
    for g in s.log_group_names : "${replace(s.prefix, ":ecs:", ":logs:")}:log-group:${g}"
  ]]))

  deploy_statements = concat(
    [for st in [
      {
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Sid    = "EcrPush"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:DescribeImages",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = var.deploy.ecr_repository_arns
      },
    ] : st if local.has_ecr],
    [for st in [
      {
        # These task-definition calls do not support resource-level permissions.
        Sid    = "TaskDefinitions"
        Effect = "Allow"
        Action = [
          "ecs:DeregisterTaskDefinition",
          "ecs:DescribeTaskDefinition",
          "ecs:ListTaskDefinitions",
          "ecs:RegisterTaskDefinition",
        ]
        Resource = "*"
      },
      {
        Sid       = "TagTaskDefinitions"
        Effect    = "Allow"
        Action    = "ecs:TagResource"
        Resource  = distinct([for s in local.services : "${s.prefix}:task-definition/${s.task_definition_family}:*"])
        Condition = { StringEquals = { "ecs:CreateAction" = "RegisterTaskDefinition" } }
      },
      {
        Sid      = "Services"
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:ListServiceDeployments", "ecs:UpdateService"]
        Resource = [for s in local.services : s.service_arn]
      },
      {
        # The watch reads its service deployment (and answers PAUSE lifecycle hooks when on-pause says so).
        Sid      = "ServiceDeployments"
        Effect   = "Allow"
        Action   = ["ecs:ContinueServiceDeployment", "ecs:DescribeServiceDeployments", "ecs:StopServiceDeployment"]
        Resource = [for s in local.services : "${s.prefix}:service-deployment/${s.cluster}/${s.name}/*"]
      },
      {
        # Which task definition a service deployment targets, when two overlap.
        Sid      = "ServiceRevisions"
        Effect   = "Allow"
        Action   = "ecs:DescribeServiceRevisions"
        Resource = [for s in local.services : "${s.prefix}:service-revision/${s.cluster}/${s.name}/*"]
      },
      {
        # ecs-deploy's diagnosis reads its services' tasks; ecs-run-task waits for (and at its time-out stops)
        # the one-off task it started.
        Sid      = "Tasks"
        Effect   = "Allow"
        Action   = ["ecs:DescribeTasks", "ecs:StopTask"]
        Resource = distinct([for s in local.services : "${s.prefix}:task/${s.cluster}/*"])
      },
      {
        # ecs-run-task (e.g. a migration before the deploy): only revisions of the services' own families, only
        # in their clusters. The task and execution roles it passes are the ones PassServiceRoles allows.
        Sid       = "RunTask"
        Effect    = "Allow"
        Action    = "ecs:RunTask"
        Resource  = distinct([for s in local.services : "${s.prefix}:task-definition/${s.task_definition_family}:*"])
        Condition = { ArnEquals = { "ecs:cluster" = distinct([for s in local.services : "${s.prefix}:cluster/${s.cluster}"]) } }
      },
      {
        Sid       = "ListTasks"
        Effect    = "Allow"
        Action    = "ecs:ListTasks"
        Resource  = "*"
        Condition = { ArnEquals = { "ecs:cluster" = distinct([for s in local.services : "${s.prefix}:cluster/${s.cluster}"]) } }
      },
      {
        Sid       = "PassServiceRoles"
        Effect    = "Allow"
        Action    = "iam:PassRole"
        Resource  = distinct(flatten([for s in local.services : [s.task_role_arn, s.execution_role_arn]]))
        Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
      },
    ] : st if local.has_services],
    # The containers' own log lines, read by ecs-run-task (streamed) and in ecs-deploy's failure reasons:
    # GetLogEvents authorises on the log stream, FilterLogEvents on the log group.
    [for st in [
      {
        Sid      = "ReadContainerLogStreams"
        Effect   = "Allow"
        Action   = "logs:GetLogEvents"
        Resource = [for g in local.log_groups : "${g}:log-stream:*"]
      },
      {
        Sid      = "FilterContainerLogs"
        Effect   = "Allow"
        Action   = "logs:FilterLogEvents"
        Resource = local.log_groups
      },
    ] : st if length(local.log_groups) > 0],
  )
}

resource "aws_iam_role_policy" "deploy" {
  count = var.deploy.enabled && length(local.deploy_statements) > 0 ? 1 : 0

  name   = "slipway-deploy"
  role   = aws_iam_role.this["deploy"].id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.deploy_statements })
}

# ---------------------------------------------------------------------------------------------------------
# plan / apply: state access and locking
# ---------------------------------------------------------------------------------------------------------
locals {
  state_roles = local.state_bucket == null ? [] : [for k in ["plan", "apply"] : k if contains(keys(local.enabled_roles), k)]

  state_policies = { for k in local.state_roles : k => jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        merge(
          { Sid = "ListState", Effect = "Allow", Action = "s3:ListBucket", Resource = local.state_bucket },
          local.state_prefix == "" ? {} : { Condition = { StringLike = { "s3:prefix" = "${local.state_prefix}/*" } } },
        ),
        { Sid = "ReadState", Effect = "Allow", Action = "s3:GetObject", Resource = local.state_objects },
        # S3 native locking (use_lockfile) writes and deletes "<key>.tflock" even during plan.
        { Sid = "LockFile", Effect = "Allow", Action = ["s3:PutObject", "s3:DeleteObject"], Resource = [for o in local.state_objects : "${o}.tflock"] },
      ],
      [for st in [{ Sid = "WriteState", Effect = "Allow", Action = "s3:PutObject", Resource = local.state_objects }] : st if k == "apply"],
      [for st in [{
        Sid      = "DynamoDbLock"
        Effect   = "Allow"
        Action   = ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"]
        Resource = var.state.lock_table_arn
      }] : st if var.state.lock_table_arn != null],
      [for st in [{
        Sid      = "StateKey"
        Effect   = "Allow"
        Action   = k == "apply" ? ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"] : ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = var.state.kms_key_arn
      }] : st if var.state.kms_key_arn != null],
    )
  }) }
}

resource "aws_iam_role_policy" "state" {
  for_each = local.state_policies

  name   = "terraform-state"
  role   = aws_iam_role.this[each.key].id
  policy = each.value
}

resource "aws_iam_role_policy_attachment" "plan_read_only" {
  count = var.plan.enabled ? 1 : 0

  role       = aws_iam_role.this["plan"].name
  policy_arn = replace(var.plan.read_only_policy_arn, "arn:aws:", "arn:${data.aws_partition.current.partition}:")
}

resource "aws_iam_role_policy_attachment" "apply" {
  for_each = var.apply.enabled ? toset(var.apply.policy_arns) : toset([])

  role       = aws_iam_role.this["apply"].name
  policy_arn = each.value
}

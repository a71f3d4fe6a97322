mock_provider "aws" {
  override_data {
    target = data.aws_partition.current
    values = { partition = "aws" }
  }
  override_resource {
    target          = aws_iam_openid_connect_provider.github
    override_during = plan
    values          = { arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
  }
}

variables {
  repository  = "acme/shop"
  name_prefix = "shop-github"
  deploy = {
    branches            = ["main"]
    environments        = ["production"]
    ecr_repository_arns = ["arn:aws:ecr:eu-west-1:123456789012:repository/shop/api"]
    services = [{
      service_arn            = "arn:aws:ecs:eu-west-1:123456789012:service/shop/api"
      task_definition_family = "api"
      task_role_arn          = "arn:aws:iam::123456789012:role/api-task"
      execution_role_arn     = "arn:aws:iam::123456789012:role/api-exec"
      log_group_names        = ["/ecs/api"]
    }]
  }
  tags = { Project = "slipway" }
}

run "deploy_role" {
  command = plan

  assert {
    condition     = aws_iam_openid_connect_provider.github[0].url == "https://token.actions.githubusercontent.com" && aws_iam_openid_connect_provider.github[0].client_id_list == toset(["sts.amazonaws.com"])
    error_message = "GitHub OIDC provider with the STS audience"
  }
  assert {
    condition     = keys(aws_iam_role.this) == ["deploy"]
    error_message = "only the deploy role by default"
  }
  assert {
    condition     = jsondecode(aws_iam_role.this["deploy"].assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:aud"] == "sts.amazonaws.com"
    error_message = "aud pinned to sts.amazonaws.com"
  }
  assert {
    condition     = toset(jsondecode(aws_iam_role.this["deploy"].assume_role_policy).Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"]) == toset(["repo:acme/shop:ref:refs/heads/main", "repo:acme/shop:environment:production"])
    error_message = "sub pinned to the repository plus branch/environment"
  }
}

run "deploy_permissions_are_exact" {
  command = plan

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "EcrLogin"]) == "*"
    error_message = "GetAuthorizationToken is the only ECR call on *"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "EcrPush"]) == ["arn:aws:ecr:eu-west-1:123456789012:repository/shop/api"]
    error_message = "ECR push only to the named repository"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "Services"]) == ["arn:aws:ecs:eu-west-1:123456789012:service/shop/api"]
    error_message = "service calls only on the named service"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "ServiceDeployments"]) == ["arn:aws:ecs:eu-west-1:123456789012:service-deployment/shop/api/*"]
    error_message = "service deployments of the named service"
  }
  assert {
    condition     = toset(one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Action if s.Sid == "ServiceDeployments"])) == toset(["ecs:ContinueServiceDeployment", "ecs:DescribeServiceDeployments", "ecs:StopServiceDeployment"])
    error_message = "the watch reads, stops and continues (PAUSE hooks) its service deployments"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "ServiceRevisions"]) == ["arn:aws:ecs:eu-west-1:123456789012:service-revision/shop/api/*"]
    error_message = "service revisions of the named service"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "TagTaskDefinitions"]) == ["arn:aws:ecs:eu-west-1:123456789012:task-definition/api:*"]
    error_message = "tagging only the service's task definition family"
  }
  assert {
    condition     = toset(one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "PassServiceRoles"])) == toset(["arn:aws:iam::123456789012:role/api-task", "arn:aws:iam::123456789012:role/api-exec"])
    error_message = "PassRole only on the service's task and execution roles"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Condition.StringEquals["iam:PassedToService"] if s.Sid == "PassServiceRoles"]) == "ecs-tasks.amazonaws.com"
    error_message = "PassRole only to ECS tasks"
  }
  assert {
    condition     = alltrue([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : !contains(flatten([s.Action]), "ecs:*") && !contains(flatten([s.Action]), "*")])
    error_message = "no wildcard actions"
  }
}

run "one_off_tasks_and_logs_are_exact" {
  command = plan

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Action if s.Sid == "RunTask"]) == "ecs:RunTask" && one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "RunTask"]) == ["arn:aws:ecs:eu-west-1:123456789012:task-definition/api:*"]
    error_message = "RunTask only of the service's task definition family"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Condition.ArnEquals["ecs:cluster"] if s.Sid == "RunTask"]) == ["arn:aws:ecs:eu-west-1:123456789012:cluster/shop"]
    error_message = "RunTask only in the service's cluster"
  }
  assert {
    condition     = toset(one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Action if s.Sid == "Tasks"])) == toset(["ecs:DescribeTasks", "ecs:StopTask"]) && one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "Tasks"]) == ["arn:aws:ecs:eu-west-1:123456789012:task/shop/*"]
    error_message = "DescribeTasks and StopTask only on the cluster's tasks"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "ReadContainerLogStreams"]) == ["arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/api:log-stream:*"] && one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Action if s.Sid == "ReadContainerLogStreams"]) == "logs:GetLogEvents"
    error_message = "GetLogEvents only on the service's log group's streams"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Resource if s.Sid == "FilterContainerLogs"]) == ["arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/api"] && one([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s.Action if s.Sid == "FilterContainerLogs"]) == "logs:FilterLogEvents"
    error_message = "FilterLogEvents only on the service's log group"
  }
  assert {
    condition     = length([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s if contains(flatten([s.Action]), "ecs:StopTask") || contains(flatten([s.Action]), "ecs:RunTask")]) == 2
    error_message = "RunTask and StopTask granted once each, nowhere else"
  }
}

run "no_log_groups_no_logs_statements" {
  command = plan

  variables {
    deploy = {
      branches = ["main"]
      services = [{
        service_arn            = "arn:aws:ecs:eu-west-1:123456789012:service/shop/api"
        task_definition_family = "api"
        task_role_arn          = "arn:aws:iam::123456789012:role/api-task"
        execution_role_arn     = "arn:aws:iam::123456789012:role/api-exec"
      }]
    }
  }

  assert {
    condition     = length([for s in jsondecode(aws_iam_role_policy.deploy[0].policy).Statement : s if startswith(flatten([s.Action])[0], "logs:")]) == 0
    error_message = "no logs permissions without log groups (an empty Resource is invalid)"
  }
}

run "rejects_wildcard_log_group" {
  command = plan
  variables {
    deploy = {
      branches = ["main"]
      services = [{
        service_arn            = "arn:aws:ecs:eu-west-1:123456789012:service/shop/api"
        task_definition_family = "api"
        task_role_arn          = "arn:aws:iam::123456789012:role/api-task"
        execution_role_arn     = "arn:aws:iam::123456789012:role/api-exec"
        log_group_names        = ["/ecs/*"]
      }]
    }
  }
  expect_failures = [var.deploy]
}

run "plan_and_apply_roles_with_state" {
  command = plan

  variables {
    plan  = { enabled = true }
    apply = { enabled = true, environments = ["production"], policy_arns = ["arn:aws:iam::aws:policy/PowerUserAccess"] }
    state = {
      bucket_arn     = "arn:aws:s3:::acme-tfstate"
      key_prefix     = "shop"
      lock_table_arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/acme-tfstate-lock"
    }
  }

  assert {
    condition     = toset(keys(aws_iam_role.this)) == toset(["deploy", "plan", "apply"])
    error_message = "three roles"
  }
  assert {
    condition     = jsondecode(aws_iam_role.this["plan"].assume_role_policy).Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"] == ["repo:acme/shop:pull_request"]
    error_message = "plan role trusted for pull requests of the repository"
  }
  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.state["plan"].policy).Statement : s.Resource if s.Sid == "ReadState"]) == ["arn:aws:s3:::acme-tfstate/shop/*"]
    error_message = "state read scoped to the key prefix"
  }
  assert {
    condition     = length([for s in jsondecode(aws_iam_role_policy.state["plan"].policy).Statement : s if s.Sid == "WriteState"]) == 0 && length([for s in jsondecode(aws_iam_role_policy.state["apply"].policy).Statement : s if s.Sid == "WriteState"]) == 1
    error_message = "only apply writes state"
  }
  assert {
    condition     = aws_iam_role_policy_attachment.plan_read_only[0].policy_arn == "arn:aws:iam::aws:policy/ReadOnlyAccess"
    error_message = "plan role is read-only"
  }
}

run "existing_provider" {
  command = plan

  variables {
    create_oidc_provider = false
    oidc_provider_arn    = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
  }

  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 0 && output.oidc_provider_arn == var.oidc_provider_arn
    error_message = "reuses the existing provider"
  }
}

run "rejects_org_wide_wildcard" {
  command = plan
  variables {
    repository = "acme/*"
  }
  expect_failures = [var.repository]
}

run "rejects_any_branch_deploy" {
  command = plan
  variables {
    deploy = { branches = ["*"] }
  }
  expect_failures = [var.deploy]
}

run "rejects_deploy_without_subjects" {
  command = plan
  variables {
    deploy = { ecr_repository_arns = ["arn:aws:ecr:eu-west-1:123456789012:repository/shop/api"] }
  }
  expect_failures = [var.deploy]
}

run "rejects_wildcard_service_arn" {
  command = plan
  variables {
    deploy = {
      branches = ["main"]
      services = [{
        service_arn            = "arn:aws:ecs:eu-west-1:123456789012:service/shop/*"
        task_definition_family = "api"
        task_role_arn          = "arn:aws:iam::123456789012:role/api-task"
        execution_role_arn     = "arn:aws:iam::123456789012:role/api-exec"
      }]
    }
  }
  expect_failures = [var.deploy]
}

run "rejects_wildcard_apply_branch" {
  command = plan
  variables {
    apply = { enabled = true, branches = ["release/*"], policy_arns = ["arn:aws:iam::aws:policy/PowerUserAccess"] }
  }
  expect_failures = [var.apply]
}

run "rejects_bad_provider_arn" {
  command = plan
  variables {
    create_oidc_provider = false
    oidc_provider_arn    = "arn:aws:iam::123456789012:oidc-provider/example.com"
  }
  expect_failures = [var.oidc_provider_arn]
}

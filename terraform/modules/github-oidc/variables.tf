variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider. Set false and pass oidc_provider_arn when it already exists (there can be only one per account)."
  type        = bool
  default     = true
}

variable "oidc_provider_arn" {
  description = "ARN of an existing token.actions.githubusercontent.com OIDC provider (when create_oidc_provider is false)."
  type        = string
  default     = null

  validation {
    condition     = var.oidc_provider_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com$", coalesce(var.oidc_provider_arn, "-")))
    error_message = "oidc_provider_arn must be arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com; got \"${coalesce(var.oidc_provider_arn, "null")}\"."
  }
}

variable "repository" {
  description = "The one GitHub repository (\"owner/name\") whose workflows may assume the roles. Wildcards are rejected: they would let other repositories of the organisation in."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$", var.repository))
    error_message = "repository must be exactly one \"owner/name\" without wildcards (e.g. \"acme/shop\"); got \"${var.repository}\". A value such as \"acme/*\" would let every repository in the organisation assume the roles."
  }
}

variable "name_prefix" {
  description = "Prefix of the role names (\"<prefix>-deploy\", \"<prefix>-plan\", \"<prefix>-apply\")."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,50}$", var.name_prefix))
    error_message = "name_prefix must be 1-50 characters valid in IAM role names (letters, digits, +=,.@_-); got \"${var.name_prefix}\"."
  }
}

variable "max_session_duration" {
  description = "Maximum session length of the roles, in seconds (3600-43200)."
  type        = number
  default     = 3600

  validation {
    condition     = var.max_session_duration >= 3600 && var.max_session_duration <= 43200
    error_message = "max_session_duration must be 3600-43200 seconds; got ${var.max_session_duration}."
  }
}

variable "deploy" {
  description = "The deploy role used by slipway's actions: ECR push to ecr_repository_arns, ECS task-definition and service updates for services, one-off tasks (RunTask, StopTask) of those services' families in their clusters, reading their containers' logs in log_group_names, iam:PassRole on those services' task and execution roles only. Trusted for the listed branches and/or GitHub environments."
  type = object({
    enabled             = optional(bool, true)
    branches            = optional(list(string), [])
    environments        = optional(list(string), [])
    ecr_repository_arns = optional(list(string), [])
    services = optional(list(object({
      service_arn            = string
      task_definition_family = string
      task_role_arn          = string
      execution_role_arn     = string
      log_group_names        = optional(list(string), [])
    })), [])
  })
  default = {}

  validation {
    condition     = !var.deploy.enabled || length(var.deploy.branches) + length(var.deploy.environments) > 0
    error_message = "deploy.enabled is true but deploy.branches and deploy.environments are both empty; name who may deploy (e.g. branches = [\"main\"] or environments = [\"production\"])."
  }

  validation {
    condition     = alltrue([for b in concat(var.deploy.branches, var.deploy.environments) : !contains(["*", "**"], b) && length(b) > 0 && !strcontains(b, ":")])
    error_message = "deploy.branches/environments must be names (patterns such as \"release/*\" are fine) but not \"*\" or \"**\" and not contain \":\"; got ${jsonencode(concat(var.deploy.branches, var.deploy.environments))}."
  }

  validation {
    condition     = alltrue([for a in var.deploy.ecr_repository_arns : can(regex("^arn:aws[a-z-]*:ecr:[a-z0-9-]+:[0-9]{12}:repository/[a-z0-9][a-z0-9._/-]*$", a))])
    error_message = "deploy.ecr_repository_arns must hold ECR repository ARNs without wildcards; got ${jsonencode(var.deploy.ecr_repository_arns)}."
  }

  validation {
    condition     = alltrue([for s in var.deploy.services : can(regex("^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:service/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+$", s.service_arn))])
    error_message = "deploy.services[*].service_arn must be long-format ECS service ARNs (arn:aws:ecs:<region>:<account>:service/<cluster>/<service>) without wildcards; got ${jsonencode([for s in var.deploy.services : s.service_arn])}."
  }

  validation {
    condition     = alltrue([for s in var.deploy.services : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$", s.task_role_arn)) && can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$", s.execution_role_arn))])
    error_message = "deploy.services[*].task_role_arn and execution_role_arn must be IAM role ARNs without wildcards."
  }

  validation {
    condition     = alltrue(flatten([for s in var.deploy.services : [for g in s.log_group_names : can(regex("^[A-Za-z0-9._/#-]{1,512}$", g))]]))
    error_message = "deploy.services[*].log_group_names must be CloudWatch Logs group names (letters, digits and . _ / # -, no wildcards), e.g. \"/ecs/api\"; got ${jsonencode(flatten([for s in var.deploy.services : s.log_group_names]))}."
  }

  validation {
    condition     = alltrue([for s in var.deploy.services : can(regex("^[A-Za-z0-9_-]{1,255}$", s.task_definition_family))])
    error_message = "deploy.services[*].task_definition_family must be a task definition family name (letters, digits, - and _); got ${jsonencode([for s in var.deploy.services : s.task_definition_family])}."
  }
}

variable "plan" {
  description = "The plan role (terraform plan on pull requests): AWS ReadOnlyAccess, read access to the state, and the lock (S3 lock file and/or DynamoDB)."
  type = object({
    enabled              = optional(bool, false)
    pull_requests        = optional(bool, true)
    branches             = optional(list(string), [])
    environments         = optional(list(string), [])
    read_only_policy_arn = optional(string, "arn:aws:iam::aws:policy/ReadOnlyAccess")
  })
  default = {}

  validation {
    condition     = !var.plan.enabled || var.plan.pull_requests || length(var.plan.branches) + length(var.plan.environments) > 0
    error_message = "plan.enabled is true but nothing may assume it: set plan.pull_requests, plan.branches or plan.environments."
  }

  validation {
    condition     = alltrue([for b in concat(var.plan.branches, var.plan.environments) : !contains(["*", "**"], b) && length(b) > 0 && !strcontains(b, ":")])
    error_message = "plan.branches/environments must be names or patterns such as \"feature/*\", not \"*\" or \"**\" and without \":\"; got ${jsonencode(concat(var.plan.branches, var.plan.environments))}."
  }
}

variable "apply" {
  description = "The apply role (terraform apply): the managed policies in policy_arns plus state read/write and the lock. Trust it for protected branches/environments only."
  type = object({
    enabled      = optional(bool, false)
    branches     = optional(list(string), [])
    environments = optional(list(string), [])
    policy_arns  = optional(list(string), [])
  })
  default = {}

  validation {
    condition     = !var.apply.enabled || (length(var.apply.branches) + length(var.apply.environments) > 0 && length(var.apply.policy_arns) > 0)
    error_message = "apply.enabled is true: it needs apply.branches or apply.environments, and apply.policy_arns (what Terraform may change)."
  }

  validation {
    condition     = alltrue([for b in concat(var.apply.branches, var.apply.environments) : !strcontains(b, "*") && length(b) > 0 && !strcontains(b, ":")])
    error_message = "apply.branches/environments must be exact names (no wildcards: applying is for protected refs); got ${jsonencode(concat(var.apply.branches, var.apply.environments))}."
  }

  validation {
    condition     = alltrue([for a in var.apply.policy_arns : can(regex("^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$", a))])
    error_message = "apply.policy_arns must hold IAM policy ARNs; got ${jsonencode(var.apply.policy_arns)}."
  }
}

variable "state" {
  description = "Terraform state the plan/apply roles use: bucket ARN, key prefix, optional DynamoDB lock table ARN and KMS key ARN."
  type = object({
    bucket_arn     = optional(string)
    key_prefix     = optional(string, "")
    lock_table_arn = optional(string)
    kms_key_arn    = optional(string)
  })
  default = {}

  validation {
    condition     = var.state.bucket_arn == null || can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", coalesce(var.state.bucket_arn, "-")))
    error_message = "state.bucket_arn must be an S3 bucket ARN (arn:aws:s3:::<bucket>); got \"${coalesce(var.state.bucket_arn, "null")}\"."
  }

  validation {
    condition     = var.state.lock_table_arn == null || can(regex("^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/.+$", coalesce(var.state.lock_table_arn, "-")))
    error_message = "state.lock_table_arn must be a DynamoDB table ARN; got \"${coalesce(var.state.lock_table_arn, "null")}\"."
  }

  validation {
    condition     = !strcontains(var.state.key_prefix, "*")
    error_message = "state.key_prefix must not contain wildcards; got \"${var.state.key_prefix}\"."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

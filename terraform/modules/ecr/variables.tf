variable "repository_names" {
  description = "Names of the ECR repositories to create, e.g. [\"shop/api\", \"shop/worker\"]."
  type        = list(string)

  validation {
    condition     = length(var.repository_names) > 0
    error_message = "repository_names must name at least one repository."
  }

  validation {
    condition     = alltrue([for n in var.repository_names : can(regex("^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$", n)) && length(n) >= 2 && length(n) <= 256])
    error_message = "repository_names must be 2-256 characters of lowercase letters, digits and . _ - separators, with / between path parts (ECR naming rules); got ${jsonencode(var.repository_names)}."
  }

  validation {
    condition     = length(distinct(var.repository_names)) == length(var.repository_names)
    error_message = "repository_names must not repeat a name; got ${jsonencode(var.repository_names)}."
  }
}

variable "image_tag_mutability" {
  description = "IMMUTABLE (default: a tag always means the same image, which is what makes a deploy by tag safe to roll back) or MUTABLE."
  type        = string
  default     = "IMMUTABLE"

  validation {
    condition     = contains(["IMMUTABLE", "MUTABLE"], var.image_tag_mutability)
    error_message = "image_tag_mutability must be \"IMMUTABLE\" or \"MUTABLE\"; got \"${var.image_tag_mutability}\"."
  }
}

variable "scan_on_push" {
  description = "Run the basic vulnerability scan on every push."
  type        = bool
  default     = true
}

variable "kms_key_arn" {
  description = "Customer managed KMS key to encrypt images with. Null uses AES-256 with an AWS owned key."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>); got \"${coalesce(var.kms_key_arn, "null")}\"."
  }
}

variable "lifecycle_policy" {
  description = "Image expiry: untagged images go after `untagged_expire_days`; of the rest, only the newest `keep_last` are kept."
  type = object({
    keep_last            = optional(number, 30)
    untagged_expire_days = optional(number, 7)
  })
  default = {}

  validation {
    condition     = var.lifecycle_policy.keep_last >= 1 && var.lifecycle_policy.keep_last <= 10000 && floor(var.lifecycle_policy.keep_last) == var.lifecycle_policy.keep_last
    error_message = "lifecycle_policy.keep_last must be a whole number from 1 to 10000; got ${var.lifecycle_policy.keep_last}."
  }

  validation {
    condition     = var.lifecycle_policy.untagged_expire_days >= 1 && var.lifecycle_policy.untagged_expire_days <= 3650 && floor(var.lifecycle_policy.untagged_expire_days) == var.lifecycle_policy.untagged_expire_days
    error_message = "lifecycle_policy.untagged_expire_days must be a whole number of days from 1 to 3650; got ${var.lifecycle_policy.untagged_expire_days}."
  }
}

variable "force_delete" {
  description = "Allow `terraform destroy` to delete repositories that still hold images. Keep false outside throwaway environments."
  type        = bool
  default     = false
}

variable "pull_principal_arns" {
  description = "Other IAM principals (e.g. account roots of other environments) allowed to pull images. Empty means no repository policy."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.pull_principal_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(root|role/.+|user/.+)$", a))])
    error_message = "pull_principal_arns must hold IAM ARNs (account root, role or user); got ${jsonencode(var.pull_principal_arns)}."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "replication_rules" {
  description = <<-EOT
    ECR replication for this account's registry in the provider's region: each rule copies every push to
    repositories whose name starts with one of `repository_prefixes` (default: this module's
    repository_names) to each destination region (and registry, default this account), so a deploy in
    another region pulls the same digest from its own region. The registry has one replication
    configuration: set this in one ecr module per account and region. Empty (default) manages none.
  EOT
  type = list(object({
    destinations = list(object({
      region      = string
      registry_id = optional(string)
    }))
    repository_prefixes = optional(list(string))
  }))
  default = []

  validation {
    condition     = length(var.replication_rules) <= 10
    error_message = "replication_rules may hold at most 10 rules (the ECR limit); got ${length(var.replication_rules)}."
  }

  validation {
    condition     = alltrue([for r in var.replication_rules : length(r.destinations) >= 1 && length(r.destinations) <= 25])
    error_message = "each replication_rules entry needs 1 to 25 destinations; got ${jsonencode([for r in var.replication_rules : length(r.destinations)])}."
  }

  validation {
    condition     = alltrue(flatten([for r in var.replication_rules : [for d in r.destinations : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", d.region))]]))
    error_message = "replication_rules destinations[].region must be an AWS region name such as \"us-west-2\"; got ${jsonencode(flatten([for r in var.replication_rules : [for d in r.destinations : d.region]]))}."
  }

  validation {
    condition     = alltrue(flatten([for r in var.replication_rules : [for d in r.destinations : d.registry_id == null || can(regex("^[0-9]{12}$", coalesce(d.registry_id, "x")))]]))
    error_message = "replication_rules destinations[].registry_id must be a 12-digit account ID or null (this account); got ${jsonencode(flatten([for r in var.replication_rules : [for d in r.destinations : d.registry_id]]))}."
  }

  validation {
    condition     = alltrue([for r in var.replication_rules : r.repository_prefixes == null || (length(coalesce(r.repository_prefixes, ["x"])) >= 1 && length(coalesce(r.repository_prefixes, ["x"])) <= 100 && alltrue([for p in coalesce(r.repository_prefixes, ["x"]) : can(regex("^[a-z0-9][a-z0-9._/-]{1,255}$", p))]))])
    error_message = "replication_rules repository_prefixes must be null or 1-100 repository name prefixes (2-256 lowercase letters, digits, . _ - /); got ${jsonencode([for r in var.replication_rules : r.repository_prefixes])}."
  }
}

variable "name" {
  description = "Load balancer name (also prefixes its security group and target groups)."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$", var.name)) && !startswith(lower(var.name), "internal-")
    error_message = "name must be 1-32 letters, digits and hyphens, not starting or ending with a hyphen nor starting with \"internal-\" (AWS load balancer naming); got \"${var.name}\"."
  }
}

variable "type" {
  description = "\"application\" (HTTP/HTTPS, path and host routing) or \"network\" (TCP/TLS, e.g. gRPC services)."
  type        = string
  default     = "application"

  validation {
    condition     = contains(["application", "network"], var.type)
    error_message = "type must be \"application\" or \"network\"; got \"${var.type}\"."
  }
}

variable "internal" {
  description = "Internal (private subnets, VPC clients only) or internet-facing (public subnets)."
  type        = bool
  default     = false
}

variable "vpc_id" {
  description = "VPC of the load balancer and its target groups."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID such as \"vpc-0abc123\"; got \"${var.vpc_id}\"."
  }
}

variable "subnet_ids" {
  description = "Subnets in at least two zones: public subnets for internet-facing, private for internal."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids must list at least 2 subnets (in different zones); got ${length(var.subnet_ids)}."
  }
}

variable "ingress_cidr_blocks" {
  description = "Client CIDRs allowed to reach the listeners. Internet-facing load balancers usually keep 0.0.0.0/0; internal ones should list the VPC or caller CIDRs."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = alltrue([for c in var.ingress_cidr_blocks : can(cidrhost(c, 0))])
    error_message = "ingress_cidr_blocks must hold IPv4 CIDRs; got ${jsonencode(var.ingress_cidr_blocks)}."
  }
}

variable "ingress_security_group_ids" {
  description = "Map of label to security group ID allowed to reach the listeners (e.g. callers of an internal load balancer). Labels must be static."
  type        = map(string)
  default     = {}
}

variable "certificate" {
  description = "TLS: an existing ACM certificate ARN, or a domain_name to request one (DNS-validated automatically when route53_zone_id is set). Null means no HTTPS listener (only allowed with http_mode = \"forward\")."
  type = object({
    arn                       = optional(string)
    domain_name               = optional(string)
    subject_alternative_names = optional(list(string), [])
    route53_zone_id           = optional(string)
  })
  default = null

  validation {
    condition     = var.certificate == null || try((var.certificate.arn == null) != (var.certificate.domain_name == null), false)
    error_message = "certificate must set exactly one of arn or domain_name."
  }

  validation {
    condition     = try(var.certificate.arn == null, true) || can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$", var.certificate.arn))
    error_message = "certificate.arn must be an ACM certificate ARN; got \"${try(coalesce(var.certificate.arn, "null"), "null")}\"."
  }
}

variable "ssl_policy" {
  description = "TLS policy of HTTPS/TLS listeners (TLS 1.2+ with TLS 1.3 by default)."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition     = startswith(var.ssl_policy, "ELBSecurityPolicy-TLS13-") || startswith(var.ssl_policy, "ELBSecurityPolicy-TLS-1-2") || startswith(var.ssl_policy, "ELBSecurityPolicy-FS-1-2")
    error_message = "ssl_policy must be a TLS 1.2+ policy (ELBSecurityPolicy-TLS13-*, ELBSecurityPolicy-TLS-1-2-*, ELBSecurityPolicy-FS-1-2-*); got \"${var.ssl_policy}\"."
  }
}

variable "http_mode" {
  description = "Application load balancers: what port 80 does. \"redirect\" (to HTTPS, needs a certificate), \"forward\" (plain HTTP: internal load balancers, or local emulators) or \"none\" (no port 80 listener)."
  type        = string
  default     = "redirect"

  validation {
    condition     = contains(["redirect", "forward", "none"], var.http_mode)
    error_message = "http_mode must be \"redirect\", \"forward\" or \"none\"; got \"${var.http_mode}\"."
  }
}

variable "target_groups" {
  description = "Target groups keyed by a short static key. protocol: HTTP/HTTPS for application, TCP/TLS for network. protocol_version GRPC or HTTP2 on application load balancers. target_type \"ip\" for awsvpc tasks, \"instance\" for bridge mode."
  type = map(object({
    port                 = number
    protocol             = optional(string)
    protocol_version     = optional(string)
    target_type          = optional(string, "ip")
    deregistration_delay = optional(number, 30)
    health_check = optional(object({
      path                = optional(string, "/")
      matcher             = optional(string)
      protocol            = optional(string)
      port                = optional(string, "traffic-port")
      interval            = optional(number, 30)
      timeout             = optional(number, 5)
      healthy_threshold   = optional(number, 3)
      unhealthy_threshold = optional(number, 3)
    }), {})
  }))

  validation {
    condition     = length(var.target_groups) > 0 && alltrue([for k, tg in var.target_groups : can(regex("^[a-z0-9][a-z0-9-]{0,15}$", k))])
    error_message = "target_groups needs at least one entry and keys of 1-16 lowercase letters, digits and hyphens (they become part of the target group name); got ${jsonencode(keys(var.target_groups))}."
  }

  validation {
    condition     = alltrue([for tg in var.target_groups : tg.port >= 1 && tg.port <= 65535])
    error_message = "target_groups ports must be 1-65535; got ${jsonencode([for tg in var.target_groups : tg.port])}."
  }

  validation {
    condition     = alltrue([for tg in var.target_groups : contains(["ip", "instance"], tg.target_type)])
    error_message = "target_groups target_type must be \"ip\" (awsvpc tasks) or \"instance\" (bridge/host tasks); got ${jsonencode([for tg in var.target_groups : tg.target_type])}."
  }

  validation {
    condition     = alltrue([for tg in var.target_groups : tg.protocol == null || contains(["HTTP", "HTTPS", "TCP", "TLS"], coalesce(tg.protocol, "-"))])
    error_message = "target_groups protocol must be HTTP, HTTPS, TCP or TLS; got ${jsonencode([for tg in var.target_groups : tg.protocol])}."
  }

  validation {
    condition     = alltrue([for tg in var.target_groups : tg.protocol_version == null || contains(["HTTP1", "HTTP2", "GRPC"], coalesce(tg.protocol_version, "-"))])
    error_message = "target_groups protocol_version must be HTTP1, HTTP2 or GRPC; got ${jsonencode([for tg in var.target_groups : tg.protocol_version])}."
  }

  validation {
    condition     = alltrue([for tg in var.target_groups : tg.health_check.interval >= 5 && tg.health_check.interval <= 300 && tg.health_check.timeout >= 2 && tg.health_check.timeout < tg.health_check.interval])
    error_message = "target_groups health_check interval must be 5-300 seconds and timeout 2 seconds or more but below the interval."
  }

  validation {
    condition     = alltrue([for tg in var.target_groups : startswith(tg.health_check.path, "/")])
    error_message = "target_groups health_check.path must start with \"/\"; got ${jsonencode([for tg in var.target_groups : tg.health_check.path])}."
  }
}

variable "default_target_group_key" {
  description = "Application load balancers: target group that requests matching no rule go to. Null answers them with a fixed 404."
  type        = string
  default     = null
}

variable "listener_rules" {
  description = "Application load balancers: routing rules on the HTTPS listener (or the HTTP one when http_mode = \"forward\"). Each needs path_patterns and/or host_headers."
  type = map(object({
    priority         = number
    target_group_key = string
    path_patterns    = optional(list(string), [])
    host_headers     = optional(list(string), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for r in var.listener_rules : r.priority >= 1 && r.priority <= 50000 && floor(r.priority) == r.priority])
    error_message = "listener_rules priorities must be whole numbers from 1 to 50000; got ${jsonencode([for r in var.listener_rules : r.priority])}."
  }

  validation {
    condition     = length(distinct([for r in var.listener_rules : r.priority])) == length(var.listener_rules)
    error_message = "listener_rules priorities must be unique; got ${jsonencode([for r in var.listener_rules : r.priority])}."
  }

  validation {
    condition     = alltrue([for r in var.listener_rules : length(r.path_patterns) + length(r.host_headers) > 0 && length(r.path_patterns) <= 5 && length(r.host_headers) <= 5])
    error_message = "listener_rules: each rule needs at least one path pattern or host header (at most 5 of each)."
  }
}

variable "tcp_listeners" {
  description = "Network load balancers: listeners keyed by a static key. protocol TLS terminates with the certificate; TCP passes through (end-to-end TLS/gRPC)."
  type = map(object({
    port             = number
    protocol         = optional(string, "TCP")
    target_group_key = string
  }))
  default = {}

  validation {
    condition     = alltrue([for l in var.tcp_listeners : contains(["TCP", "TLS"], l.protocol) && l.port >= 1 && l.port <= 65535])
    error_message = "tcp_listeners need protocol TCP or TLS and a port 1-65535; got ${jsonencode(var.tcp_listeners)}."
  }
}

variable "idle_timeout" {
  description = "Application load balancers: idle connection timeout in seconds (raise for long gRPC/WebSocket streams)."
  type        = number
  default     = 60

  validation {
    condition     = var.idle_timeout >= 1 && var.idle_timeout <= 4000
    error_message = "idle_timeout must be 1-4000 seconds; got ${var.idle_timeout}."
  }
}

variable "deletion_protection" {
  description = "Block deletion of the load balancer (turn off to destroy the stack)."
  type        = bool
  default     = true
}

variable "access_logs" {
  description = "Access logs to an existing S3 bucket whose policy lets Elastic Load Balancing write to it. Null disables."
  type = object({
    bucket = string
    prefix = optional(string)
  })
  default = null

  validation {
    condition     = var.access_logs == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", try(var.access_logs.bucket, "")))
    error_message = "access_logs.bucket must be an S3 bucket name; got \"${try(var.access_logs.bucket, "null")}\"."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

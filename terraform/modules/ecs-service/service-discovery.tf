# ecs-service Cloud Map registration (DNS-based discovery; e.g. gRPC clients resolving peers directly).
# A records need awsvpc; SRV records carry the port, so they also work with bridge and host networking.
locals {
  service_registry_srv = var.service_discovery != null && try(var.service_discovery.dns_record_type, "A") == "SRV"
}

resource "aws_service_discovery_service" "this" {
  count = var.service_discovery == null ? 0 : 1

  name = coalesce(try(var.service_discovery.name, null), var.name)

  dns_config {
    namespace_id   = var.service_discovery.namespace_id
    routing_policy = "MULTIVALUE"

    dns_records {
      type = var.service_discovery.dns_record_type
      ttl  = var.service_discovery.dns_ttl
    }
  }

  health_check_custom_config {
    failure_threshold = 1
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = local.awsvpc || local.service_registry_srv
      error_message = "service_discovery.dns_record_type must be \"SRV\" with network_mode \"${var.network_mode}\" (A records need awsvpc)."
    }
    precondition {
      condition     = !local.service_registry_srv || var.container.port != null
      error_message = "service_discovery with SRV records needs container.port."
    }
  }
}

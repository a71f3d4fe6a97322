mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
  override_data {
    target = data.aws_availability_zones.available
    values = { names = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }
  }
  override_data {
    target = data.aws_region.current
    values = { name = "eu-west-1" }
  }
  override_data {
    target = data.aws_iam_policy_document.flow_logs_assume
    values = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
  override_data {
    target = data.aws_iam_policy_document.flow_logs
    values = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  name = "test"
  tags = { Project = "slipway" }
}

run "single_nat_defaults" {
  command = plan

  assert {
    condition     = length(aws_subnet.public) == 2 && length(aws_subnet.private) == 2
    error_message = "two zones by default"
  }
  assert {
    condition     = aws_subnet.public[0].cidr_block == "10.0.0.0/20" && aws_subnet.private[0].cidr_block == "10.0.128.0/20"
    error_message = "default subnet carving changed: ${aws_subnet.public[0].cidr_block} ${aws_subnet.private[0].cidr_block}"
  }
  assert {
    condition     = length(aws_nat_gateway.this) == 1 && length(aws_route.private_nat) == 2
    error_message = "single NAT must serve both private route tables"
  }
  assert {
    condition     = alltrue([for s in aws_subnet.public : s.map_public_ip_on_launch == false])
    error_message = "public subnets must not auto-assign public IPs"
  }
  assert {
    condition     = length(aws_flow_log.this) == 1 && aws_cloudwatch_log_group.flow_logs[0].retention_in_days == 90
    error_message = "flow logs with retention are on by default"
  }
  assert {
    condition     = aws_vpc.this.tags["Project"] == "slipway" && aws_subnet.private[1].tags["Tier"] == "private"
    error_message = "tags must be merged into resources"
  }
}

run "nat_per_az_three_zones" {
  command = plan

  variables {
    az_count         = 3
    nat_gateway_mode = "one_per_az"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 3 && length(aws_eip.nat) == 3
    error_message = "one NAT gateway per zone"
  }
  assert {
    condition     = aws_subnet.private[2].availability_zone == "eu-west-1c"
    error_message = "zones must come from the region's available zones"
  }
}

run "no_nat_with_endpoints" {
  command = plan

  variables {
    nat_gateway_mode = "none"
    vpc_endpoints    = ["s3", "ecr.api", "ecr.dkr", "logs"]
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 0 && length(aws_route.private_nat) == 0
    error_message = "no NAT gateway or default route without NAT"
  }
  assert {
    condition     = length(aws_vpc_endpoint.interface) == 3 && length(aws_vpc_endpoint.s3) == 1
    error_message = "s3 is a gateway endpoint, the rest interface endpoints"
  }
  assert {
    condition     = aws_vpc_endpoint.interface["ecr.api"].service_name == "com.amazonaws.eu-west-1.ecr.api" && aws_vpc_endpoint.interface["logs"].private_dns_enabled
    error_message = "interface endpoint names and private DNS"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.endpoints_https[0].from_port == 443
    error_message = "endpoints accept HTTPS only"
  }
}

run "rejects_bad_nat_mode" {
  command = plan
  variables {
    nat_gateway_mode = "two"
  }
  expect_failures = [var.nat_gateway_mode]
}

run "rejects_bad_cidr" {
  command = plan
  variables {
    cidr_block = "10.0.0.0/8"
  }
  expect_failures = [var.cidr_block]
}

run "rejects_unknown_endpoint" {
  command = plan
  variables {
    vpc_endpoints = ["dynamodb-typo"]
  }
  expect_failures = [var.vpc_endpoints]
}

run "rejects_bad_retention" {
  command = plan
  variables {
    flow_logs = { retention_in_days = 42 }
  }
  expect_failures = [var.flow_logs]
}

run "rejects_subnet_count_mismatch" {
  command = plan
  variables {
    az_count            = 2
    public_subnet_cidrs = ["10.0.0.0/24"]
  }
  expect_failures = [aws_vpc.this]
}

run "rejects_bad_name" {
  command = plan
  variables {
    name = "Bad_Name"
  }
  expect_failures = [var.name]
}

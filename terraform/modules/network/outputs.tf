output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "availability_zones" {
  description = "Zones the subnets were placed in, in subnet order."
  value       = local.azs
}

output "public_subnet_ids" {
  description = "IDs of the public subnets, one per zone."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "IDs of the private subnets, one per zone."
  value       = aws_subnet.private[*].id
}

output "private_route_table_ids" {
  description = "IDs of the private route tables, one per zone."
  value       = aws_route_table.private[*].id
}

output "nat_gateway_ids" {
  description = "IDs of the NAT gateways (empty when nat_gateway_mode is \"none\")."
  value       = aws_nat_gateway.this[*].id
}

output "nat_public_ips" {
  description = "Public IPs of the NAT gateways, for allow-lists at third parties."
  value       = aws_eip.nat[*].public_ip
}

output "vpc_endpoint_ids" {
  description = "Map of service name to VPC endpoint ID."
  value       = merge({ for k, e in aws_vpc_endpoint.interface : k => e.id }, try({ s3 = aws_vpc_endpoint.s3[0].id }, {}))
}

output "vpc_endpoints_security_group_id" {
  description = "Security group of the interface endpoints (null when there are none)."
  value       = try(aws_security_group.endpoints[0].id, null)
}

output "flow_log_group_name" {
  description = "CloudWatch log group receiving the VPC flow logs (null when disabled)."
  value       = try(aws_cloudwatch_log_group.flow_logs[0].name, null)
}

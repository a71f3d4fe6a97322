output "arn" {
  description = "ARN of the load balancer."
  value       = aws_lb.this.arn
}

output "arn_suffix" {
  description = "ARN suffix of the load balancer (CloudWatch LoadBalancer dimension)."
  value       = aws_lb.this.arn_suffix
}

output "dns_name" {
  description = "DNS name of the load balancer."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Route 53 zone ID of the load balancer, for alias records."
  value       = aws_lb.this.zone_id
}

output "security_group_id" {
  description = "Security group of the load balancer; allow it into your targets."
  value       = aws_security_group.this.id
}

output "target_group_arns" {
  description = "Map of target group key to ARN."
  value       = { for k, tg in aws_lb_target_group.this : k => tg.arn }
}

output "target_group_arn_suffixes" {
  description = "Map of target group key to ARN suffix (CloudWatch TargetGroup dimension)."
  value       = { for k, tg in aws_lb_target_group.this : k => tg.arn_suffix }
}

output "request_count_resource_labels" {
  description = "Map of target group key to the ALBRequestCountPerTarget resource label, for ecs-service autoscaling."
  value       = { for k, tg in aws_lb_target_group.this : k => "${aws_lb.this.arn_suffix}/${tg.arn_suffix}" }
}

output "http_listener_arn" {
  description = "ARN of the port 80 listener (null when http_mode is \"none\" or on a network load balancer)."
  value       = try(aws_lb_listener.http[0].arn, null)
}

output "https_listener_arn" {
  description = "ARN of the HTTPS listener (null without a certificate)."
  value       = try(aws_lb_listener.https[0].arn, null)
}

output "tcp_listener_arns" {
  description = "Map of tcp_listeners key to listener ARN (network load balancers)."
  value       = { for k, l in aws_lb_listener.tcp : k => l.arn }
}

output "certificate_arn" {
  description = "ARN of the certificate in use (null without TLS)."
  value       = local.certificate_arn
}

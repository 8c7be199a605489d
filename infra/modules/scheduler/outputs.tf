output "schedule_group" {
  value = aws_scheduler_schedule_group.this.name
}

output "stop_schedule" {
  value = "${var.stop_schedule} ${var.timezone}"
}

output "start_schedule" {
  value = "${var.start_schedule} ${var.timezone}"
}

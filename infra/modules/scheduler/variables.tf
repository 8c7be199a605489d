variable "name_prefix" {
  type = string
}

variable "timezone" {
  type    = string
  default = "America/New_York"
}

variable "stop_schedule" {
  description = "When everything stops: 20:00 on weekdays (Friday's stop lasts the weekend)."
  type        = string
  default     = "cron(0 20 ? * MON-FRI *)"
}

variable "start_schedule" {
  description = "When everything starts again: 07:00 Monday to Friday."
  type        = string
  default     = "cron(0 7 ? * MON-FRI *)"
}

variable "ecs_services" {
  description = "service => Application Auto Scaling resource id and the capacity to restore in the morning."
  type = map(object({
    resource_id  = string
    min_capacity = number
    max_capacity = number
  }))
}

variable "rds_instances" {
  description = "identifier => ARN of DB instances to stop at night (instances with read replicas cannot be stopped)."
  type        = map(string)
}

variable "name" {
  type = string
}

variable "container_insights" {
  description = "enabled, or enhanced (per-task metrics, costs more)."
  type        = string
  default     = "enabled"

  validation {
    condition     = contains(["enabled", "enhanced"], var.container_insights)
    error_message = "Container Insights stays on: enabled or enhanced."
  }
}

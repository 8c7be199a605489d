variable "region" {
  description = "The Region this forwarder's provider is in, said twice on purpose: plan fails if the provider passed is another."
  type        = string
}

variable "name" {
  description = "Name of the rule (rules are per Region, so the same name serves every forwarder)."
  type        = string
}

variable "event_pattern" {
  description = "EventBridge pattern (JSON) of the events to forward."
  type        = string
}

variable "target_event_bus_arn" {
  description = "The event bus, in another Region, the events go to (the home Region's default bus)."
  type        = string
}

variable "role_arn" {
  description = "Role EventBridge assumes to put the events on that bus (events:PutEvents on it)."
  type        = string
}

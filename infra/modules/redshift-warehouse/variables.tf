variable "name_prefix" {
  description = "showroom-<env>: the namespace and workgroup are <name_prefix>-warehouse."
  type        = string
}

variable "environment" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  description = "Private subnets without a route to the internet (the platform's data subnets), in three AZs where the environment has them."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups whose members may open SQL connections (5439); none by default: the load uses the Data API."
  type        = list(string)
  default     = []
}

variable "kms_key_arn" {
  description = "The platform's key for warehouse data: it encrypts the namespace and the bucket's files."
  type        = string
}

variable "bucket_arn" {
  description = "The warehouse bucket COPY reads."
  type        = string
}

variable "bucket_prefix" {
  description = "The only prefix COPY may read (the exports' warehouse/<table>/dt=<day>/ files)."
  type        = string
  default     = "warehouse/"
}

variable "database_name" {
  type    = string
  default = "showroom"
}

variable "base_capacity" {
  description = "Redshift Processing Units the workgroup starts queries with (8 to 512, steps of 8)."
  type        = number
  default     = 8

  validation {
    condition     = var.base_capacity >= 8 && var.base_capacity <= 512 && var.base_capacity % 8 == 0
    error_message = "base_capacity is 8 to 512 RPUs, a multiple of 8."
  }
}

variable "max_capacity" {
  description = "The most RPUs the workgroup may scale to (a cost ceiling)."
  type        = number
  default     = 32

  validation {
    condition     = var.max_capacity >= 8 && var.max_capacity <= 5632
    error_message = "max_capacity is 8 to 5632 RPUs."
  }
}

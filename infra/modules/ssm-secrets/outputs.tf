# ARNs and names only: no output here carries a secret value.

output "kms_key_arn" {
  value = aws_kms_key.secrets.arn
}

output "kms_key_alias" {
  value = aws_kms_alias.secrets.name
}

output "service_secret_arns" {
  description = "service => { ENV_VAR_NAME => parameter ARN }, for the task definition's secrets."
  value = {
    for service, names in local.service_secrets : service => {
      for name in names : name => "${local.arn}${local.prefix}/${service}/${name}"
    }
  }
}

output "service_parameter_path_arns" {
  description = "service => ARN pattern of its own parameters, for least-privilege execution roles."
  value       = { for service in var.services : service => "${local.arn}${local.prefix}/${service}/*" }
}

output "parameter_names_to_set" {
  description = "Every parameter an operator must put before the services can start."
  value = concat(
    flatten([for service, names in local.service_secrets : [for name in names : "${local.prefix}/${service}/${name}"]]),
    [local.redis_auth_token_parameter_name],
  )
}

output "redis_auth_token_parameter_name" {
  value = local.redis_auth_token_parameter_name
}

output "parameter_path_arn_prefix" {
  description = "ARN of /showroom/<env>, for a service with no secret yet (its path: <prefix>/<service>/*)."
  value       = "${local.arn}${local.prefix}"
}

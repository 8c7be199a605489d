#!/usr/bin/env bash
# Shared by the infra/scripts helpers (sourced, not run). Names follow infra/modules/platform:
# cluster showroom-<env>, services inventory|users|leads|retail|analytics|storefront (the dealer websites' SSR,
# modules/storefront), repositories showroom/<service>, and the SSM String parameters
# /showroom/<env>/... that Terraform writes for these scripts.

readonly ENVIRONMENTS=(dev qa beta prod)
readonly SERVICES=(inventory users leads retail analytics storefront)
readonly ECR_PREFIX="showroom"
export AWS_REGION="${AWS_REGION:-us-east-1}"
export AWS_PAGER=""

die() {
  echo "error: $*" >&2
  exit 1
}

log() {
  echo "==> $*" >&2
}

is_one_of() {
  local needle=$1 item
  shift
  for item in "$@"; do
    [[ $item == "$needle" ]] && return 0
  done
  return 1
}

require_environment() {
  is_one_of "$1" "${ENVIRONMENTS[@]}" || die "unknown environment '$1' (one of: ${ENVIRONMENTS[*]})"
}

require_service() {
  is_one_of "$1" "${SERVICES[@]}" || die "unknown service '$1' (one of: ${SERVICES[*]})"
}

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required but not installed"
  done
}

# Value of an SSM String parameter written by Terraform (never a secret).
parameter() {
  aws ssm get-parameter --name "$1" --query 'Parameter.Value' --output text
}

image_exists() {
  local service=$1 tag=$2
  aws ecr describe-images --repository-name "${ECR_PREFIX}/${service}" \
    --image-ids "imageTag=${tag}" >/dev/null 2>&1
}

#!/usr/bin/env bash
# Roll every service of an environment back (or forward) to an earlier image tag. ECR keeps every
# v* and beta-* image for this. Checks all images first, so nothing changes if one is missing;
# a service with no image at that tag is skipped only if it runs no task (not launched yet).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

usage() {
  cat >&2 <<USAGE
Usage: $(basename "$0") <environment> <image-tag>
  environment  one of: ${ENVIRONMENTS[*]}
  image-tag    the tag to run everywhere, e.g. v1.3.2 (see: aws ecr describe-images)
USAGE
  exit 2
}

[[ ${1:-} == "-h" || ${1:-} == "--help" ]] && usage
[[ $# -eq 2 ]] || usage
environment=$1
tag=$2
require_environment "$environment"
require_tools aws jq

cluster=$(parameter "/showroom/${environment}/deploy/cluster")
targets=()
for service in "${SERVICES[@]}"; do
  if image_exists "$service" "$tag"; then
    targets+=("$service")
    continue
  fi
  desired=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
    --query 'services[0].desiredCount' --output text)
  if [[ $desired == "0" || $desired == "None" ]]; then
    log "skipping ${service}: no image at ${tag} and no task running"
  else
    die "no image ${ECR_PREFIX}/${service}:${tag}; nothing was changed"
  fi
done

for service in "${targets[@]}"; do
  "$(dirname "${BASH_SOURCE[0]}")/deploy-service.sh" "$environment" "$service" "$tag"
done
log "${environment} runs ${tag}: ${targets[*]}"

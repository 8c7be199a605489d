#!/usr/bin/env bash
# Deploy one service of one environment at an image tag, the way Jenkins does:
#   1. check the image exists in ECR (tags are immutable: the tag names exactly one image);
#   2. register a new revision of the service's task definition with that image (and APP_VERSION);
#   3. for inventory, apply that revision's Algolia settings and synonyms (search-configure.sh)
#      before any of its tasks start;
#   4. point the ECS service at it and wait until the service is stable;
#   5. fail if ECS's circuit breaker rolled the deployment back; otherwise record the tag in
#      /showroom/<env>/deploy/<service>/image-tag, which Terraform reads, so a later
#      `terraform apply` keeps this image.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

usage() {
  cat >&2 <<USAGE
Usage: $(basename "$0") <environment> <service> <image-tag>
  environment  one of: ${ENVIRONMENTS[*]}
  service      one of: ${SERVICES[*]}
  image-tag    an existing tag in ECR repository ${ECR_PREFIX}/<service>, e.g. v1.4.0 or main-3f2a9c1
USAGE
  exit 2
}

[[ ${1:-} == "-h" || ${1:-} == "--help" ]] && usage
[[ $# -eq 3 ]] || usage
environment=$1
service=$2
tag=$3
require_environment "$environment"
require_service "$service"
require_tools aws jq

image_exists "$service" "$tag" || die "no image ${ECR_PREFIX}/${service}:${tag} in ECR"

cluster=$(parameter "/showroom/${environment}/deploy/cluster")
current=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
  --query 'services[0].taskDefinition' --output text)
[[ $current == arn:* ]] || die "service ${service} not found in cluster ${cluster}"

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

aws ecs describe-task-definition --task-definition "$current" --query 'taskDefinition' --output json \
  >"$workdir/current.json"
jq --arg service "$service" --arg tag "$tag" '
  .containerDefinitions |= map(
    if .name == $service then
      .image = ((.image | sub(":[^:/]+$"; "")) + ":" + $tag)
      | .environment = ((.environment // []) | map(if .name == "APP_VERSION" then .value = $tag else . end))
    else . end)
  | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities,
        .registeredAt, .registeredBy, .deregisteredAt)
' "$workdir/current.json" >"$workdir/next.json"

next=$(aws ecs register-task-definition --cli-input-json "file://$workdir/next.json" \
  --query 'taskDefinition.taskDefinitionArn' --output text)
log "${environment}/${service}: ${current##*/} -> ${next##*/} (${tag})"

if [[ $service == "inventory" ]]; then
  "$(dirname "${BASH_SOURCE[0]}")/search-configure.sh" "$environment" "$next"
fi

aws ecs update-service --cluster "$cluster" --service "$service" --task-definition "$next" >/dev/null

# `wait services-stable` gives up after 10 minutes; allow three rounds for slow rollouts.
for attempt in 1 2 3; do
  if aws ecs wait services-stable --cluster "$cluster" --services "$service"; then
    break
  fi
  [[ $attempt -lt 3 ]] || die "${service} did not become stable in 30 minutes"
  log "still rolling out (attempt ${attempt}/3)"
done

# A deployment the circuit breaker rolled back is also "stable", on the previous revision.
running=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
  --query 'services[0].taskDefinition' --output text)
[[ $running == "$next" ]] || die "${service} rolled back to ${running##*/}: ${tag} failed its health checks"

aws ssm put-parameter --name "/showroom/${environment}/deploy/${service}/image-tag" \
  --type String --value "$tag" --overwrite >/dev/null
log "${environment}/${service} is running ${tag}"

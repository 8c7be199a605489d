#!/usr/bin/env bash
# Applies the Algolia index's settings, sort replicas and synonyms (services/inventory/src/search-admin.ts)
# for one environment, from the inventory image about to be deployed: a one-off Fargate task of the
# new task definition revision, in the service's own subnets and security groups, with the service's
# own secrets, running `node search-admin.js configure`. deploy-service.sh runs it for inventory
# after registering the revision and before the service's new tasks start, so they never search an
# index whose settings are older than their code. An environment without SEARCH_ENGINE=algolia in
# the task definition (the embedded engine) has nothing to configure.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

usage() {
  cat >&2 <<USAGE
Usage: $(basename "$0") <environment> <task-definition-arn>
  environment          one of: ${ENVIRONMENTS[*]}
  task-definition-arn  the inventory revision to run it from (deploy-service.sh registers it)
USAGE
  exit 2
}

[[ ${1:-} == "-h" || ${1:-} == "--help" ]] && usage
[[ $# -eq 2 ]] || usage
environment=$1
task_definition=$2
require_environment "$environment"
require_tools aws jq

readonly service=inventory
search_engine=$(aws ecs describe-task-definition --task-definition "$task_definition" \
  --query "taskDefinition.containerDefinitions[?name=='${service}'] | [0].environment[?name=='SEARCH_ENGINE'] | [0].value" \
  --output text)
if [[ $search_engine != "algolia" ]]; then
  log "${environment}/${service}: search engine is not Algolia (${search_engine}); nothing to configure"
  exit 0
fi

cluster=$(parameter "/showroom/${environment}/deploy/cluster")
network=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
  --query 'services[0].networkConfiguration' --output json)
[[ $network == "{"* ]] || die "service ${service} in ${cluster} has no network configuration"

overrides=$(jq -cn --arg name "$service" \
  '{containerOverrides: [{name: $name, command: ["node", "search-admin.js", "configure"]}]}')
task=$(aws ecs run-task --cluster "$cluster" --task-definition "$task_definition" --count 1 \
  --launch-type FARGATE --network-configuration "$network" --overrides "$overrides" \
  --started-by "search-configure" --query 'tasks[0].taskArn' --output text)
[[ $task == arn:* ]] || die "the configure task did not start (${task})"
log "${environment}/${service}: configuring Algolia from ${task_definition##*/} (${task##*/})"

aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$task"
exit_code=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" \
  --query "tasks[0].containers[?name=='${service}'] | [0].exitCode" --output text)
[[ $exit_code == "0" ]] ||
  die "search-admin configure exited with ${exit_code}: see the ${service} task ${task##*/} in CloudWatch Logs"
log "${environment}/${service}: Algolia settings, replicas and synonyms applied"

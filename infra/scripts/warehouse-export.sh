#!/usr/bin/env bash
# The nightly warehouse export in AWS: each service that owns a warehouse table exports its day as
# Parquet to s3://<warehouse bucket>/warehouse/<table>/dt=<day>/, from a one-off Fargate task of the
# service's running task definition (its own network, role and secrets; it reads only its own
# schema or engine), running `node warehouse/warehouse-cli.js export --date <day>`. A day exported again
# replaces its partition. Jenkins' showroom-warehouse-etl job runs it, then warehouse-load.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

# The services with a warehouse table (tools/warehouse/src/warehouse-services.ts), in load order.
readonly WAREHOUSE_SERVICES=(leads inventory retail analytics)

usage() {
  cat >&2 <<USAGE
Usage: $(basename "$0") <environment> <day>
  environment  one of: ${ENVIRONMENTS[*]}
  day          YYYY-MM-DD, a UTC day that is over (the job passes yesterday)
USAGE
  exit 2
}

[[ ${1:-} == "-h" || ${1:-} == "--help" ]] && usage
[[ $# -eq 2 ]] || usage
environment=$1
day=$2
require_environment "$environment"
[[ $day =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "day '${day}' is not YYYY-MM-DD"
require_tools aws jq

cluster=$(parameter "/showroom/${environment}/deploy/cluster")
failed=()
for service in "${WAREHOUSE_SERVICES[@]}"; do
  task_definition=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
    --query 'services[0].taskDefinition' --output text)
  [[ $task_definition == arn:* ]] || die "service ${service} in ${cluster} has no task definition (${task_definition})"
  network=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
    --query 'services[0].networkConfiguration' --output json)
  [[ $network == "{"* ]] || die "service ${service} in ${cluster} has no network configuration"

  overrides=$(jq -cn --arg name "$service" --arg day "$day" \
    '{containerOverrides: [{name: $name, command: ["node", "warehouse/warehouse-cli.js", "export", "--date", $day]}]}')
  task=$(aws ecs run-task --cluster "$cluster" --task-definition "$task_definition" --count 1 \
    --launch-type FARGATE --network-configuration "$network" --overrides "$overrides" \
    --started-by "warehouse-export" --query 'tasks[0].taskArn' --output text)
  [[ $task == arn:* ]] || die "the ${service} export task did not start (${task})"
  log "${environment}/${service}: exporting ${day} (${task##*/})"

  aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$task"
  exit_code=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" \
    --query "tasks[0].containers[?name=='${service}'] | [0].exitCode" --output text)
  if [[ $exit_code == "0" ]]; then
    log "${environment}/${service}: ${day} exported"
  else
    # The other services still export: tomorrow's rerun of the day then has less to redo.
    echo "error: ${service} export exited with ${exit_code}: see the ${service} task ${task##*/} in CloudWatch Logs" >&2
    failed+=("$service")
  fi
done

((${#failed[@]} == 0)) || die "warehouse export of ${day} failed for: ${failed[*]}; the day must not be loaded"
log "${environment}: warehouse export of ${day} complete"

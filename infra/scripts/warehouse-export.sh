#!/usr/bin/env bash
# The nightly warehouse export in AWS: each service that owns a warehouse table exports its day as
# Parquet to s3://<warehouse bucket>/warehouse/<table>/dt=<day>/, from a one-off Fargate task of the
# service's running task definition (its own network, role and secrets; it reads only its own
# schema or engine), running `node warehouse/warehouse-cli.js export --date <day>`, with the service's
# warehouse export role (SSM /showroom/<env>/warehouse/export-role-arn/<service>) instead of its task
# role: only these one-off tasks may write warehouse/<table>/, never the long-running service. A day
# exported again replaces its partition. With <days> N, the analytics events (which arrive late)
# export again the N-1 days before <day>; leads, vehicles and deals are their records' state as at the
# export, so they export <day> only. Jenkins' showroom-warehouse-etl job runs it, then warehouse-load.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

# The services with a warehouse table (tools/warehouse/src/warehouse-services.ts), in load order,
# and those whose rows arrive late (lateRows there).
readonly WAREHOUSE_SERVICES=(leads inventory retail analytics)
readonly LATE_ROW_SERVICES=(analytics)

usage() {
  cat >&2 <<USAGE
Usage: $(basename "$0") <environment> <day> [<days>]
  environment  one of: ${ENVIRONMENTS[*]}
  day          YYYY-MM-DD, a UTC day that is over (the job passes yesterday)
  days         1-31 (default 1): the late-arriving events also redo the days-1 days before <day>
USAGE
  exit 2
}

[[ ${1:-} == "-h" || ${1:-} == "--help" ]] && usage
[[ $# -eq 2 || $# -eq 3 ]] || usage
environment=$1
day=$2
days=${3-1}
require_environment "$environment"
[[ $day =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "day '${day}' is not YYYY-MM-DD"
if [[ ! $days =~ ^[1-9][0-9]?$ ]] || ((days > 31)); then die "days '${days}' is not 1 to 31"; fi
require_tools aws jq date

# The window, oldest first, ending with <day> (GNU date, as on the Jenkins agents).
window=()
for ((back = days - 1; back >= 0; back--)); do
  window+=("$(date -u -d "${day} -${back} days" +%F)")
done
[[ ${window[-1]} == "$day" ]] || die "day '${day}' is not a calendar date"

cluster=$(parameter "/showroom/${environment}/deploy/cluster")
failed=()
for service in "${WAREHOUSE_SERVICES[@]}"; do
  task_definition=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
    --query 'services[0].taskDefinition' --output text)
  [[ $task_definition == arn:* ]] || die "service ${service} in ${cluster} has no task definition (${task_definition})"
  network=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
    --query 'services[0].networkConfiguration' --output json)
  [[ $network == "{"* ]] || die "service ${service} in ${cluster} has no network configuration"

  export_role=$(parameter "/showroom/${environment}/warehouse/export-role-arn/${service}")
  [[ $export_role == arn:* ]] || die "no warehouse export role for ${service} (${export_role})"

  dates=("$day")
  if [[ " ${LATE_ROW_SERVICES[*]} " == *" ${service} "* ]]; then dates=("${window[@]}"); fi
  for date in "${dates[@]}"; do
    overrides=$(jq -cn --arg name "$service" --arg day "$date" --arg role "$export_role" \
      '{taskRoleArn: $role, containerOverrides: [{name: $name, command: ["node", "warehouse/warehouse-cli.js", "export", "--date", $day]}]}')
    task=$(aws ecs run-task --cluster "$cluster" --task-definition "$task_definition" --count 1 \
      --launch-type FARGATE --network-configuration "$network" --overrides "$overrides" \
      --started-by "warehouse-export" --query 'tasks[0].taskArn' --output text)
    [[ $task == arn:* ]] || die "the ${service} export task of ${date} did not start (${task})"
    log "${environment}/${service}: exporting ${date} (${task##*/})"

    aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$task"
    exit_code=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" \
      --query "tasks[0].containers[?name=='${service}'] | [0].exitCode" --output text)
    if [[ $exit_code == "0" ]]; then
      log "${environment}/${service}: ${date} exported"
    else
      # The others still export: the rerun then has less to redo.
      echo "error: ${service} export of ${date} exited with ${exit_code}: see the ${service} task ${task##*/} in CloudWatch Logs" >&2
      failed+=("${service} ${date}")
    fi
  done
done

((${#failed[@]} == 0)) || die "warehouse export failed for: ${failed[*]}; these days must not be loaded"
log "${environment}: warehouse export of ${window[0]} to ${day} complete"

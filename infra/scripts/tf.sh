#!/usr/bin/env bash
# Plan or apply one environment, as Jenkins does:
#   tf.sh qa plan    init live/ on qa's state, then plan with envs/qa.tfvars into live/qa.tfplan
#                    (and a readable live/qa.tfplan.txt)
#   tf.sh qa apply   apply exactly that saved plan; refuses to apply anything not planned first
# dev, qa, beta and prod share the root in live/: each has its own variables (envs/<env>.tfvars),
# its own state (envs/<env>.backend.hcl) and its own working directory (live/.terraform/<env>), so
# one environment's init never points another's plan at the wrong state.
# `global` (the shared ECR repositories and DNS zone, its own root in global/) is applied the same
# way, before the others.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

usage() {
  cat >&2 <<USAGE
Usage: $(basename "$0") <environment> <plan|apply>
  environment  global or one of: ${ENVIRONMENTS[*]}
USAGE
  exit 2
}

[[ ${1:-} == "-h" || ${1:-} == "--help" ]] && usage
[[ $# -eq 2 ]] || usage
environment=$1
action=$2
[[ $environment == "global" ]] || require_environment "$environment"
[[ $action == "plan" || $action == "apply" ]] || usage
require_tools terraform

infra="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
init_args=(-input=false -no-color)
plan_args=(-input=false -lock-timeout=5m -no-color)
if [[ $environment == "global" ]]; then
  root="${infra}/global"
else
  root="${infra}/live"
  export TF_DATA_DIR="${root}/.terraform/${environment}"
  init_args+=(-reconfigure "-backend-config=${infra}/envs/${environment}.backend.hcl")
  plan_args+=("-var-file=${infra}/envs/${environment}.tfvars")
fi
plan="${root}/${environment}.tfplan"
cd "$root"
export TF_IN_AUTOMATION=1

terraform init "${init_args[@]}" >/dev/null
case $action in
  plan)
    terraform plan "${plan_args[@]}" -out="$plan"
    terraform show -no-color "$plan" >"${plan}.txt"
    log "plan saved: ${plan} (review ${plan}.txt, then: $(basename "$0") ${environment} apply)"
    ;;
  apply)
    [[ -f $plan ]] || die "no saved plan ${plan}: run '$(basename "$0") ${environment} plan' first"
    terraform apply -input=false -lock-timeout=5m -no-color "$plan"
    rm -f "$plan" "${plan}.txt"
    ;;
esac

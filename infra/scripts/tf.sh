#!/usr/bin/env bash
# Plan or apply one Terraform root (envs/<env>), as Jenkins does:
#   tf.sh qa plan    init, then plan into envs/qa/tfplan (and a readable envs/qa/tfplan.txt)
#   tf.sh qa apply   apply exactly that saved plan; refuses to apply anything not planned first
# `global` (the shared ECR repositories and DNS zone) is applied the same way, before the others.
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

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/envs/${environment}"
cd "$root"
export TF_IN_AUTOMATION=1

terraform init -input=false -no-color >/dev/null
case $action in
  plan)
    terraform plan -input=false -lock-timeout=5m -no-color -out=tfplan
    terraform show -no-color tfplan >tfplan.txt
    log "plan saved: ${root}/tfplan (review tfplan.txt, then: $(basename "$0") ${environment} apply)"
    ;;
  apply)
    [[ -f tfplan ]] || die "no saved plan in ${root}: run '$(basename "$0") ${environment} plan' first"
    terraform apply -input=false -lock-timeout=5m -no-color tfplan
    rm -f tfplan tfplan.txt
    ;;
esac

#!/usr/bin/env bash
# The nightly warehouse load in AWS: runs infra/warehouse/schema.sql, then copy.sql for each day of
# the window (the <days> days ending with <day>, as warehouse-export.sh exported them), in
# the environment's Redshift Serverless workgroup through the Redshift Data API
# (`npm run warehouse:load`, tools/warehouse/src/load.ts): every table's rows of a day are
# replaced in one transaction per day, so loading a day twice leaves it loaded once. The workgroup, the
# COPY role and the bucket come from the SSM String parameters Terraform writes (not secrets).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

usage() {
  cat >&2 <<USAGE
Usage: $(basename "$0") <environment> <day> [<days>]
  environment  one of: ${ENVIRONMENTS[*]}
  day          YYYY-MM-DD, exported by warehouse-export.sh
  days         1-31 (default 1): load the days-1 days before <day> too, oldest first
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
require_tools aws npm

REDSHIFT_WORKGROUP=$(parameter "/showroom/${environment}/warehouse/workgroup")
REDSHIFT_DATABASE=$(parameter "/showroom/${environment}/warehouse/database")
REDSHIFT_COPY_ROLE_ARN=$(parameter "/showroom/${environment}/warehouse/copy-role-arn")
WAREHOUSE_S3_BUCKET=$(parameter "/showroom/${environment}/warehouse/bucket")
export REDSHIFT_WORKGROUP REDSHIFT_DATABASE REDSHIFT_COPY_ROLE_ARN WAREHOUSE_S3_BUCKET

log "${environment}: loading ${days} day(s) to ${day} into ${REDSHIFT_WORKGROUP}/${REDSHIFT_DATABASE}"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
npm run --silent warehouse:load -- --date "$day" --days "$days"

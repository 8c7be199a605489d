#!/usr/bin/env bash
# Imports Kibana saved objects (infra/kibana/saved-objects.ndjson: the analytics data views, the
# analytics dashboard and the cluster health dashboard) into one environment's Kibana through its
# saved objects import API, replacing the objects with the same ids (overwrite=true), so the
# dashboards always match the index template the deployed analytics service writes.
# KIBANA_URL and KIBANA_API_KEY come from the environment (Jenkins credentials); the key is handed
# to curl on its standard input, never on its command line, where other processes could read it.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

usage() {
  cat >&2 <<USAGE
Usage: $(basename "$0") <saved-objects.ndjson>
  saved-objects.ndjson  the export to import (infra/kibana/saved-objects.ndjson)
Environment:
  KIBANA_URL            Kibana's base URL, e.g. https://showroom-prod.kb.us-east-1.aws.elastic.cloud
  KIBANA_API_KEY        an API key (encoded form) allowed to manage saved objects in the space
  KIBANA_SPACE          the space to import into (default: the default space)
USAGE
  exit 2
}

[[ ${1:-} == "-h" || ${1:-} == "--help" ]] && usage
[[ $# -eq 1 ]] || usage
objects=$1
[[ -f $objects ]] || die "no saved objects file at ${objects}"
[[ -n ${KIBANA_URL:-} ]] || die "KIBANA_URL is not set"
[[ -n ${KIBANA_API_KEY:-} ]] || die "KIBANA_API_KEY is not set"
require_tools curl jq

space_path=""
[[ -n ${KIBANA_SPACE:-} ]] && space_path="/s/${KIBANA_SPACE}"
endpoint="${KIBANA_URL%/}${space_path}/api/saved_objects/_import?overwrite=true"
log "importing $(grep -c . "$objects") saved objects into ${KIBANA_URL%/}${space_path}"

response=$(printf 'header = "Authorization: ApiKey %s"\n' "$KIBANA_API_KEY" |
  curl --silent --show-error --config - --request POST "$endpoint" \
    --header "kbn-xsrf: true" --form "file=@${objects}" \
    --write-out '\n%{http_code}') || die "Kibana at ${KIBANA_URL} could not be reached"
status=${response##*$'\n'}
body=${response%$'\n'*}

[[ $status == 2* ]] || die "Kibana answered ${status}: ${body}"
if [[ $(jq -r '.success' <<<"$body") != "true" ]]; then
  jq -r '.errors[]? | "  \(.type)/\(.id): \(.error.type // "error") \(.error.message // "")"' <<<"$body" >&2
  die "Kibana refused the saved objects listed above (the others were imported; fix the file and import it again)"
fi
log "imported $(jq -r '.successCount' <<<"$body") saved objects"

#!/usr/bin/env bash
# Publish a built portal (dist/apps/portal/browser) to an environment's bucket:
#   - hashed bundles (*.js, *.css, media/) are immutable for a year, scripts and style sheets brotli-
#     compressed by the build (<bundle>.br uploaded as <bundle> with Content-Encoding: br);
#   - other files (favicon...) are cached for an hour;
#   - the service worker's scripts keep their names from build to build and are never cached;
#   - config.json is this environment's (from /showroom/<env>/portal/config.json, written by
#     Terraform), never the build's local one, and never cached;
#   - index.html goes last and is never cached, so a visitor never gets an index that names
#     bundles not yet uploaded; old bundles stay for open sessions' lazy-loaded chunks;
#   - the service worker's manifest (ngsw.json, the hashes of this build's files) goes after it, so
#     an installed worker never checks a new manifest against an index.html still being replaced.
# Then invalidates the uncached entry points in CloudFront and waits for it.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

usage() {
  cat >&2 <<USAGE
Usage: $(basename "$0") <environment> <dist-dir>
  environment  one of: ${ENVIRONMENTS[*]}
  dist-dir     the portal build, e.g. dist/apps/portal/browser (must hold index.html)
USAGE
  exit 2
}

[[ ${1:-} == "-h" || ${1:-} == "--help" ]] && usage
[[ $# -eq 2 ]] || usage
environment=$1
dist=${2%/}
require_environment "$environment"
[[ -f "$dist/index.html" ]] || die "$dist/index.html not found: build the portal first"
require_tools aws jq

bucket=$(parameter "/showroom/${environment}/portal/bucket")
distribution=$(parameter "/showroom/${environment}/portal/distribution-id")
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
parameter "/showroom/${environment}/portal/config.json" | jq . >"$workdir/config.json"

worker_scripts=(ngsw-worker.js safety-worker.js worker-basic.min.js)
worker_excludes=()
for script in "${worker_scripts[@]}"; do worker_excludes+=(--exclude "$script"); done

# The build compressed each hashed bundle at brotli's best (<bundle>.br); it is uploaded under the
# bundle's name with Content-Encoding: br, which CloudFront passes on instead of compressing itself
# at a faster quality. A bundle without its .br goes up as it is.
compressed="$workdir/compressed"
mkdir -p "$compressed"
for brotli in "$dist"/*.js.br "$dist"/*.css.br; do
  [[ -e "$brotli" ]] || continue
  cp "$brotli" "$compressed/$(basename "${brotli%.br}")"
done
log "hashed bundles (brotli) -> s3://${bucket}"
aws s3 sync "$compressed" "s3://${bucket}" --only-show-errors "${worker_excludes[@]}" \
  --content-encoding br --cache-control 'public,max-age=31536000,immutable'
plain_excludes=()
for brotli in "$compressed"/*; do
  [[ -e "$brotli" ]] || continue
  plain_excludes+=(--exclude "$(basename "$brotli")")
done
log "hashed bundles (as built) -> s3://${bucket}"
aws s3 sync "$dist" "s3://${bucket}" --only-show-errors \
  --exclude '*' --include '*.js' --include '*.css' --include 'media/*' "${worker_excludes[@]}" \
  "${plain_excludes[@]}" --cache-control 'public,max-age=31536000,immutable'

log "service worker scripts"
for script in "${worker_scripts[@]}"; do
  [[ -f "$dist/$script" ]] || continue
  aws s3 cp "$dist/$script" "s3://${bucket}/${script}" --only-show-errors \
    --cache-control 'no-cache' --content-type 'text/javascript; charset=utf-8'
done

log "other static files"
aws s3 sync "$dist" "s3://${bucket}" --only-show-errors \
  --exclude '*.js' --exclude '*.css' --exclude '*.br' --exclude 'media/*' --exclude 'index.html' --exclude 'config.json' \
  --exclude 'ngsw.json' \
  --cache-control 'public,max-age=3600'

log "config.json for ${environment}"
aws s3 cp "$workdir/config.json" "s3://${bucket}/config.json" --only-show-errors \
  --cache-control 'no-cache' --content-type 'application/json'

log "index.html"
aws s3 cp "$dist/index.html" "s3://${bucket}/index.html" --only-show-errors \
  --cache-control 'no-cache' --content-type 'text/html; charset=utf-8'

if [[ -f "$dist/ngsw.json" ]]; then
  log "ngsw.json"
  aws s3 cp "$dist/ngsw.json" "s3://${bucket}/ngsw.json" --only-show-errors \
    --cache-control 'no-cache' --content-type 'application/json'
fi

invalidation=$(aws cloudfront create-invalidation --distribution-id "$distribution" \
  --paths '/' '/index.html' '/config.json' '/ngsw.json' '/ngsw-worker.js' '/safety-worker.js' \
  '/worker-basic.min.js' --query 'Invalidation.Id' --output text)
log "waiting for CloudFront invalidation ${invalidation}"
aws cloudfront wait invalidation-completed --distribution-id "$distribution" --id "$invalidation"
log "portal published to ${environment}"

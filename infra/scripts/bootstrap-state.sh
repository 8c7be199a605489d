#!/usr/bin/env bash
# Create the Terraform state bucket once per AWS account (idempotent): versioned, encrypted,
# private, TLS only. Locking needs nothing more: the S3 backend's use_lockfile writes lock
# objects into this same bucket.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

usage() {
  cat >&2 <<USAGE
Usage: $(basename "$0") [bucket-name]
  bucket-name  defaults to showroom-terraform-state (what live/backend.tf and global/backend.tf name)
USAGE
  exit 2
}

[[ ${1:-} == "-h" || ${1:-} == "--help" ]] && usage
[[ $# -le 1 ]] || usage
bucket=${1:-showroom-terraform-state}
require_tools aws

if aws s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  log "bucket ${bucket} exists; re-applying its settings"
else
  log "creating ${bucket} in ${AWS_REGION}"
  aws s3api create-bucket --bucket "$bucket" --region "$AWS_REGION" >/dev/null
fi

aws s3api put-public-access-block --bucket "$bucket" --public-access-block-configuration \
  'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true'
aws s3api put-bucket-ownership-controls --bucket "$bucket" \
  --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'
aws s3api put-bucket-versioning --bucket "$bucket" --versioning-configuration Status=Enabled
aws s3api put-bucket-encryption --bucket "$bucket" --server-side-encryption-configuration \
  '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"},"BucketKeyEnabled":true}]}'
aws s3api put-bucket-policy --bucket "$bucket" --policy "$(cat <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "DenyInsecureTransport",
    "Effect": "Deny",
    "Principal": "*",
    "Action": "s3:*",
    "Resource": ["arn:aws:s3:::${bucket}", "arn:aws:s3:::${bucket}/*"],
    "Condition": {"Bool": {"aws:SecureTransport": "false"}}
  }]
}
POLICY
)"
log "state bucket ${bucket} ready"

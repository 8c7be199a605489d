#!/usr/bin/env bash
# Uploads QA's Protractor reports (e2e/reports/) to S3 under the build, packs them for the e-mail,
# and writes a pre-signed link (valid 7 days) to the packed report into e2e-report-url.txt.
# (A link to report.html alone would not do: its scripts and screenshots are separate objects.)
#   jenkins/scripts/publish-qa-report.sh <bucket> <build id>
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: publish-qa-report.sh <bucket> <build id>" >&2
  exit 2
fi
bucket=$1
build=$2
reports=e2e/reports
packed="qa-report-$build.tar.gz"

if [ ! -d "$reports" ]; then
  echo "publish-qa-report.sh: no $reports (the suite did not start)" >&2
  exit 1
fi

tar -czf "$packed" -C "$reports" .
aws s3 cp --recursive --only-show-errors "$reports" "s3://$bucket/$build/"
aws s3 cp --only-show-errors "$packed" "s3://$bucket/$build/$packed"
aws s3 presign "s3://$bucket/$build/$packed" --expires-in 604800 >e2e-report-url.txt
echo "QA report: s3://$bucket/$build/ ($(wc -c <"$packed") bytes packed)"

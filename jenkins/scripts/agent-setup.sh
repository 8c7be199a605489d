#!/usr/bin/env bash
# Installs, from Debian, what the agent's `node` container (node:24-bookworm) lacks for a stage:
#   java        OpenJDK 17 (npm-groovy-lint in the jenkins project's tests)
#   lint        shellcheck, the shell linter (the jenkins project's tests run it on these scripts)
#   chromium    Chromium + ChromeDriver of the same major (QA's Protractor suite)
#   aws         AWS CLI v2 (ECR, ECS deploys, S3, CloudFront)
#   docker      Docker CLI (image builds against the pod's dind side-car)
# Whatever is already on the PATH is skipped, so an image with these baked in makes this a no-op.
#   jenkins/scripts/agent-setup.sh java chromium
set -euo pipefail

want=()
for tool in "$@"; do
  case "$tool" in
    java) command -v java >/dev/null 2>&1 || want+=(openjdk-17-jre-headless) ;;
    lint) command -v shellcheck >/dev/null 2>&1 || want+=(shellcheck) ;;
    chromium) command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || want+=(chromium chromium-driver) ;;
    aws) command -v aws >/dev/null 2>&1 || want+=(awscli) ;;
    docker) command -v docker >/dev/null 2>&1 || want+=(docker.io) ;;
    *)
      echo "agent-setup.sh: unknown tool '$tool' (java, lint, chromium, aws, docker)" >&2
      exit 2
      ;;
  esac
done

if [ ${#want[@]} -eq 0 ]; then
  echo "agent-setup.sh: nothing to install"
  exit 0
fi
echo "agent-setup.sh: installing ${want[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null

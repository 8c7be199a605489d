#!/usr/bin/env bash
# Builds and pushes one image per service from docker/Dockerfile, tagged <version>-<short sha>:
# the Express services from its default target (SERVICE=<name>), the storefront (dealer websites)
# from its target `storefront`. Expects `docker login` to the registry done (the Jenkinsfile logs
# in to ECR first).
#   jenkins/scripts/build-images.sh <registry> <tag> <service>...
#   e.g. jenkins/scripts/build-images.sh 123456789012.dkr.ecr.us-east-1.amazonaws.com 0.1.0-1a2b3c4 inventory users
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: build-images.sh <registry> <tag> <service>..." >&2
  exit 2
fi
registry=$1
tag=$2
shift 2

if ! [[ "$tag" =~ ^[0-9]+\.[0-9]+\.[0-9]+-[0-9a-f]{7,}$ ]]; then
  echo "build-images.sh: '$tag' is not <version>-<short sha>" >&2
  exit 2
fi
version=${tag%-*}
commit=$(git rev-parse HEAD)
if [[ "$commit" != "${tag##*-}"* ]]; then
  echo "build-images.sh: tag $tag does not name the checked-out commit $commit" >&2
  exit 2
fi

export DOCKER_BUILDKIT=1
for service in "$@"; do
  image="$registry/showroom/$service:$tag"
  echo "== $image"
  if [[ "$service" == "storefront" ]]; then
    recipe=(--target storefront)
  else
    recipe=(--build-arg "SERVICE=$service")
  fi
  docker build -f docker/Dockerfile \
    "${recipe[@]}" \
    --build-arg "APP_VERSION=$version" \
    --build-arg "GIT_COMMIT=$commit" \
    -t "$image" .
done
# Push only once every image built: a broken service leaves no half-released tag behind.
for service in "$@"; do
  docker push "$registry/showroom/$service:$tag"
done

// ECR: the registry, logging Docker in, and checking that a release's images exist.
// Call inside withShowroomAws('build').
//   String registry = showroomEcr.registry()
//   showroomEcr.login(registry)
//   showroomEcr.verify('0.4.2-1a2b3c4', ['inventory', 'users'])

// <account>.dkr.ecr.us-east-1.amazonaws.com: SHOWROOM_ECR_REGISTRY (a global Jenkins variable) when
// set, else the account of the build credentials.
String registry() {
  if (env.SHOWROOM_ECR_REGISTRY) {
    return env.SHOWROOM_ECR_REGISTRY
  }
  String account = sh(script: 'aws sts get-caller-identity --query Account --output text', returnStdout: true).trim()
  return "${account}.dkr.ecr.us-east-1.amazonaws.com".toString()
}

def login(String registry) {
  sh "aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${registry}"
}

// Tag builds deploy what master built: fail early, before any approval, when an image is missing.
def verify(String tag, List services) {
  if (!showroomImageTag.isImageTag(tag)) {
    error "'${tag}' is not an image tag"
  }
  for (String service in services) {
    int status = sh(
      script: "aws ecr describe-images --repository-name showroom/${service} --image-ids imageTag=${tag} --output text >/dev/null",
      returnStatus: true
    )
    if (status != 0) {
      error "No image showroom/${service}:${tag} in ECR. Only master builds make images: was this commit built on master?"
    }
  }
}

// Adds the release's git tag (beta-* or v*) to each image that is deployed, so ECR's lifecycle
// rules keep it as a rollback target after the ordinary <version>-<sha> builds expire.
// Re-tagging the same manifest is a no-op, so a repeated deploy of a release is harmless.
def tagRelease(String tag, String releaseTag, List services) {
  if (!(releaseTag ==~ /^(v|beta-)[0-9A-Za-z.\-]+$/)) {
    error "'${releaseTag}' is not a release tag (v* or beta-*)"
  }
  for (String service in services) {
    sh """
      manifest=\$(aws ecr batch-get-image --repository-name showroom/${service} --image-ids imageTag=${tag} \\
        --query 'images[0].imageManifest' --output text)
      aws ecr put-image --repository-name showroom/${service} --image-tag ${releaseTag} \\
        --image-manifest "\$manifest" >/dev/null 2>&1 \\
        || aws ecr describe-images --repository-name showroom/${service} --image-ids imageTag=${releaseTag} >/dev/null
    """
  }
}

// The portal is built once, by the master build. Its bundle (dist/apps/portal/browser) is the same
// for every environment (each serves its own /config.json), so it is kept in S3 next to the images,
// s3://<SHOWROOM_ARTIFACTS_BUCKET>/portal/<image tag>.tar.gz, and every environment gets that bundle.
//   publishPortal.archive(env.IMAGE_TAG)                   master, with the bundle in the workspace
//   publishPortal(environment: 'qa', tag: env.IMAGE_TAG)   fetches the bundle if absent, publishes it

String bucket() {
  return env.SHOWROOM_ARTIFACTS_BUCKET ?: 'showroom-build-artifacts'
}

String dist() {
  return 'dist/apps/portal/browser'
}

def archive(String tag) {
  if (!fileExists("${dist()}/index.html")) {
    error "No portal bundle in ${dist()}: build the portal first"
  }
  sh "tar -czf portal-${tag}.tar.gz -C ${dist()} ."
  withShowroomAws('build') {
    sh "aws s3 cp --only-show-errors portal-${tag}.tar.gz s3://${bucket()}/portal/${tag}.tar.gz"
  }
}

// Fails when master never archived a bundle for this tag.
def verify(String tag) {
  withShowroomAws('build') {
    sh "aws s3 ls s3://${bucket()}/portal/${tag}.tar.gz"
  }
}

def call(Map args) {
  String target = args.environment
  String tag = args.tag
  if (!(target in ['dev', 'qa', 'beta', 'prod'])) {
    error "Unknown environment '${target}'"
  }
  if (!fileExists("${dist()}/index.html")) {
    withShowroomAws('build') {
      sh "aws s3 cp --only-show-errors s3://${bucket()}/portal/${tag}.tar.gz portal-${tag}.tar.gz"
    }
    sh "mkdir -p ${dist()} && tar -xzf portal-${tag}.tar.gz -C ${dist()}"
  }
  withShowroomAws(target) {
    sh "infra/scripts/publish-portal.sh ${target} ${dist()}"
  }
}

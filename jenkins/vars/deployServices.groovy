// Points each ECS service of an environment (showroom-<env>-<service>) at an image tag and waits
// for steady state, one service after the other (infra/scripts/deploy-service.sh). Checks first that
// every image exists: tag builds deploy what master built, and never rebuild.
//   deployServices(environment: 'qa', tag: env.IMAGE_TAG, services: showroomServices())
def call(Map args) {
  String target = args.environment
  String tag = args.tag
  List services = args.services
  if (!(target in ['dev', 'qa', 'beta', 'prod'])) {
    error "Unknown environment '${target}'"
  }
  withShowroomAws('build') {
    showroomEcr.verify(tag, services)
    // Releases (beta-*, v* tags) also carry their git tag in ECR, which keeps them for rollback.
    if (args.releaseTag) {
      showroomEcr.tagRelease(tag, args.releaseTag as String, services)
    }
  }
  withShowroomAws(target) {
    for (String service in services) {
      sh "infra/scripts/deploy-service.sh ${target} ${service} ${tag}"
    }
  }
}

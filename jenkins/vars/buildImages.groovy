// Master only: builds each service's image from docker/Dockerfile once and pushes it to ECR as
// <registry>/showroom/<service>:<version>-<short sha> (jenkins/scripts/build-images.sh).
// Needs the Docker CLI and a daemon (the image pod's dind side-car) and the AWS CLI.
//   buildImages(tag: env.IMAGE_TAG, services: showroomServices())
def call(Map args) {
  String tag = args.tag
  List services = args.services
  if (!showroomImageTag.isImageTag(tag)) {
    error "'${tag}' is not an image tag"
  }
  // The dind side-car may still be starting.
  sh 'timeout 90 sh -c "until docker info >/dev/null 2>&1; do sleep 1; done"'
  withShowroomAws('build') {
    String registry = showroomEcr.registry()
    showroomEcr.login(registry)
    sh "jenkins/scripts/build-images.sh ${registry} ${tag} ${services.join(' ')}"
  }
}

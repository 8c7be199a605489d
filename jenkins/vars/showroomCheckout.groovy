// Checks out the commit this build is for with its whole history and the tags (the pipeline sets
// skipDefaultCheckout()), so `nx affected` has its base and tag builds can read their tag.
// A pull request also fetches its target branch as origin/<target>.
//   showroomCheckout()
def call() {
  def remote = scm.userRemoteConfigs[0]
  List refspecs = [remote.refspec ?: '+refs/heads/*:refs/remotes/origin/*']
  if (env.CHANGE_TARGET) {
    refspecs << "+refs/heads/${showroomNx.target()}:refs/remotes/origin/${showroomNx.target()}"
  }
  List extensions = []
  for (def extension in scm.extensions) {
    if (extension.getClass().name != 'hudson.plugins.git.extensions.impl.CloneOption') {
      extensions << extension
    }
  }
  // Full clone: never shallow, tags included, the refspecs above honoured on the first fetch.
  extensions << [$class: 'CloneOption', shallow: false, noTags: false, honorRefspec: true, timeout: 20]
  checkout([
    $class: 'GitSCM',
    branches: scm.branches,
    extensions: extensions,
    userRemoteConfigs: [[
      name: remote.name ?: 'origin',
      url: remote.url,
      credentialsId: remote.credentialsId,
      refspec: refspecs.join(' ')
    ]]
  ])
  String shallow = sh(script: 'git rev-parse --is-shallow-repository', returnStdout: true).trim()
  if (shallow != 'false') {
    error 'The checkout is shallow: nx affected needs the whole history (see jenkins/README.md).'
  }
}

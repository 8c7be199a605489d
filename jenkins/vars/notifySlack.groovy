// Tells the team on Slack how a build ended (Slack Notification plugin; workspace and token are
// Jenkins configuration). The channel comes from SLACK_CHANNEL (the Jenkinsfile's environment).
// A pull request that passes stays quiet (Bitbucket shows it); everything else is posted.
//   notifySlack('SUCCESS')   SUCCESS | FAILURE | UNSTABLE | ABORTED
def call(String status) {
  if (status == 'SUCCESS' && env.CHANGE_ID) {
    return
  }
  Map colors = [SUCCESS: 'good', FAILURE: 'danger', UNSTABLE: 'warning', ABORTED: '#808080']
  slackSend(channel: env.SLACK_CHANNEL ?: '#showroom-delivery', color: colors[status] ?: 'warning', message: message(status))
}

String message(String status) {
  String what = env.TAG_NAME ?: (env.CHANGE_ID ? "PR #${env.CHANGE_ID} ${env.CHANGE_TITLE ?: ''}".trim() : env.BRANCH_NAME)
  String image = env.IMAGE_TAG ? " (${env.IMAGE_TAG})" : ''
  String build = "build #${env.BUILD_NUMBER} in ${currentBuild.durationString}"
  return "${status}: showroom ${what}${image}, ${build} <${env.BUILD_URL}|open>".toString()
}

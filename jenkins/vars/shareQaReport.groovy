// After QA's suite ran against an environment: uploads e2e/reports to S3 under the build
// (jenkins/scripts/publish-qa-report.sh) and e-mails QA the summary, links and the reports.
// Call in the QA suite stage's `post { always { } }`, after junit and publishHTML.
//   shareQaReport(environment: 'qa', summary: junitSummary)
def call(Map args) {
  String target = args.environment
  String bucket = env.QA_REPORTS_BUCKET ?: 'showroom-qa-reports'
  String build = env.BUILD_NUMBER
  String link = ''
  withShowroomAws(target) {
    int status = sh(script: "jenkins/scripts/publish-qa-report.sh ${bucket} ${build}", returnStatus: true)
    if (status == 0) {
      link = readFile('e2e-report-url.txt').trim()
    }
  }
  def summary = args.summary
  String counts = summary ? "${summary.passCount} passed, ${summary.failCount} failed, ${summary.skipCount} skipped" : 'no results'
  emailext(
    to: env.QA_EMAIL ?: 'qa@showroom.example',
    subject: "[showroom] QA suite on ${target}: ${counts} (${env.IMAGE_TAG})",
    mimeType: 'text/html',
    body: """<p>QA's Protractor suite ran against ${target} for ${env.IMAGE_TAG}: <b>${counts}</b>.</p>
<p><a href="${env.BUILD_URL}QA-report/">HTML report in Jenkins</a> (failure screenshots included) &middot;
<a href="${env.BUILD_URL}testReport/">test results</a> &middot;
${link ? "<a href=\"${link}\">the packed report from S3</a> (link valid 7 days) &middot; " : ''}
s3://${bucket}/${build}/</p>
<p>Attached: junit.xml and the packed HTML report.</p>""",
    attachmentsPattern: "e2e/reports/junit.xml,qa-report-${build}.tar.gz"
  )
}

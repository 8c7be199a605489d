// The image tag of the checked-out commit: <version of package.json>-<first 7 hex digits of the commit>.
// Master builds tag their images with it; beta-* and v* tag builds compute it again for the tagged
// commit to find those very images (tags never rebuild). Deterministic on purpose: a short sha from
// `git rev-parse --short` could grow longer as the repository grows, and no longer match.
//   env.IMAGE_TAG = showroomImageTag()
//   showroomImageTag.format('0.4.2', '1a2b3c4d...')  -> '0.4.2-1a2b3c4'
//   showroomImageTag.isImageTag('0.4.2-1a2b3c4')      -> true
String call() {
  String version = sh(script: 'node -p "require(\'./package.json\').version"', returnStdout: true).trim()
  String commit = sh(script: 'git rev-parse HEAD', returnStdout: true).trim()
  return format(version, commit)
}

String format(String version, String commit) {
  if (!(version ==~ /[0-9]+\.[0-9]+\.[0-9]+/)) {
    error "package.json version '${version}' is not <major>.<minor>.<patch>"
  }
  if (!(commit ==~ /[0-9a-f]{40}/)) {
    error "'${commit}' is not a full commit id"
  }
  return "${version}-${commit.take(7)}".toString()
}

Boolean isImageTag(String tag) {
  return tag != null && tag ==~ /[0-9]+\.[0-9]+\.[0-9]+-[0-9a-f]{7,}/
}

// Release refs: the v*/beta-* tags that deploy, and the IMAGE_TAG the rollback job accepts.
//   showroomRelease.checkProdTag()     v* tag builds: the tag must be v<package.json version>
//   showroomRelease.resolve(input)     rollback: an image tag as is, or the image tag of a release tag
//   showroomRelease.classify(input)    'image' | 'git' | 'invalid'

String classify(String input) {
  if (input == null) {
    return 'invalid'
  }
  if (showroomImageTag.isImageTag(input)) {
    return 'image'
  }
  if (input ==~ /(v[0-9]+\.[0-9]+\.[0-9]+|beta-[0-9A-Za-z][0-9A-Za-z._-]{0,80})/) {
    return 'git'
  }
  return 'invalid'
}

// Needs the tags in the checkout (showroomCheckout fetches them).
String resolve(String input) {
  String kind = classify(input)
  if (kind == 'image') {
    return input
  }
  if (kind == 'invalid') {
    error "IMAGE_TAG '${input}' is neither an image tag (<version>-<short sha>, e.g. 0.4.2-1a2b3c4) " +
      'nor a release tag (v0.4.2, beta-...)'
  }
  String commit = sh(script: "git rev-parse --verify 'refs/tags/${input}^{commit}'", returnStdout: true).trim()
  String version = sh(
    script: "git show '${commit}:package.json' | node -p \"JSON.parse(require('fs').readFileSync(0, 'utf8')).version\"",
    returnStdout: true
  ).trim()
  String tag = showroomImageTag.format(version, commit)
  echo "${input} is commit ${commit}: image tag ${tag}"
  return tag
}

def checkProdTag(String tagName, String imageTag) {
  String version = imageTag.substring(0, imageTag.lastIndexOf('-'))
  if (tagName != "v${version}") {
    error "Tag ${tagName} is on a commit whose package.json says ${version}: tag it v${version}"
  }
}

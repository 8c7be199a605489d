// How much a build checks. A pull request checks what it affects, against its target branch
// (nx affected --base=origin/<target> --head=HEAD, needs the full history showroomCheckout
// fetches); master checks everything, because master is what gets deployed.
//   showroomNx.run('lint')       npx nx affected -t lint --base=origin/master --head=HEAD | npx nx run-many -t lint
//   showroomNx.testScope()       the arguments of jenkins/scripts/ci-test.ts

Boolean isPullRequest() {
  return env.CHANGE_ID != null
}

// The branch a pull request targets, refused unless it is a plain branch name.
String target() {
  String branch = env.CHANGE_TARGET ?: 'master'
  if (!(branch ==~ /[A-Za-z0-9][A-Za-z0-9._\/-]*/)) {
    error "Unexpected pull-request target branch '${branch}'"
  }
  return branch
}

String scope() {
  return isPullRequest() ? "affected --base=origin/${target()} --head=HEAD" : 'run-many'
}

String testScope() {
  return isPullRequest() ? "--base=origin/${target()} --head=HEAD" : '--all'
}

def run(String nxTarget) {
  sh "npx nx ${scope()} -t ${nxTarget} --parallel=2 --output-style=static"
}

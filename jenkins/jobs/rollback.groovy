// Job DSL: the parameterised rollback job. Run by a seed job (Job DSL plugin) with this
// repository checked out; jenkins/README.md says how.
// The pipeline it runs, jenkins/pipelines/rollback.Jenkinsfile from master, declares the same
// parameters (so they survive its first run), checks IMAGE_TAG (the parameter is free text) and asks
// a release manager before touching prod.
String repository = 'https://bitbucket.org/showroom/showroom.git'
String imageTagPattern = '^[0-9]+\\.[0-9]+\\.[0-9]+-[0-9a-f]{7,}$'

pipelineJob('showroom-rollback') {
  displayName('Showroom: roll back an environment')
  description("""Puts an environment's services back on images master built before (infra/scripts/rollback.sh).
IMAGE_TAG: an image tag matching ${imageTagPattern} (e.g. 0.4.2-1a2b3c4), or a release tag v0.4.2 / beta-...
prod waits for a release manager's approval.""")
  parameters {
    choiceParam('ENVIRONMENT', ['dev', 'qa', 'beta', 'prod'], 'Environment to roll back')
    stringParam('IMAGE_TAG', '', "Image tag (${imageTagPattern}) or release tag (v0.4.2, beta-...)")
  }
  definition {
    cpsScm {
      scm {
        git {
          remote {
            url(repository)
            credentials('bitbucket-showroom')
          }
          branch('*/master')
        }
      }
      scriptPath('jenkins/pipelines/rollback.Jenkinsfile')
      lightweight(true)
    }
  }
}

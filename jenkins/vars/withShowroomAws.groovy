// Runs a block with AWS credentials kept in Jenkins (CloudBees AWS Credentials plugin), one ID per
// account role, never values in the repository; region us-east-1.
//   withShowroomAws('build') { ... }   aws-showroom-build: ECR push/describe, build artifacts bucket
//   withShowroomAws('qa') { ... }      aws-showroom-qa (also dev, beta, prod): ECS, S3, CloudFront
def call(String account, Closure body) {
  if (!(account in ['build', 'dev', 'qa', 'beta', 'prod'])) {
    error "Unknown AWS account role '${account}'"
  }
  withEnv(['AWS_REGION=us-east-1', 'AWS_DEFAULT_REGION=us-east-1']) {
    withCredentials([[
      $class: 'AmazonWebServicesCredentialsBinding',
      credentialsId: "aws-showroom-${account}",
      accessKeyVariable: 'AWS_ACCESS_KEY_ID',
      secretKeyVariable: 'AWS_SECRET_ACCESS_KEY'
    ]]) {
      body()
    }
  }
}

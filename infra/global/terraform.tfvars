hosted_zone_name      = "showroom.example"
ecr_repository_prefix = "showroom"
services              = ["inventory", "users", "leads", "retail", "analytics", "storefront"]

# Names Jenkins uses (Jenkinsfile QA_REPORTS_BUCKET, casc SHOWROOM_ARTIFACTS_BUCKET).
build_artifacts_bucket = "showroom-build-artifacts"
qa_reports_bucket      = "showroom-qa-reports"

# This account's password policy, console users' group, trail and sign-in alert (once per account).
account_security     = true
security_alert_email = "security-alerts@showroom.example"

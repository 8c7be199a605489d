terraform {
  # Shared by every environment: the ECR repositories and the public DNS zone. Same bucket and
  # S3-native locking (use_lockfile) as the environments; see live/backend.tf. The key keeps the
  # path it had when this root lived in envs/global.
  backend "s3" {
    bucket       = "showroom-terraform-state"
    key          = "envs/global/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}

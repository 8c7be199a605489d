terraform {
  # This environment's state, alone under its own key. Locking uses S3 itself: with
  # use_lockfile (Terraform >= 1.10) the backend takes the lock by writing
  # envs/dev/terraform.tfstate.tflock with a conditional PUT (S3 If-None-Match), so no DynamoDB
  # lock table is needed (the backend's dynamodb_table argument is deprecated).
  backend "s3" {
    bucket       = "showroom-terraform-state"
    key          = "envs/dev/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}

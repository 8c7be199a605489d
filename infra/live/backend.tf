terraform {
  # One state per environment, in the same bucket: the key comes from envs/<env>.backend.hcl at
  # init (`terraform init -reconfigure -backend-config=../envs/<env>.backend.hcl`, which
  # scripts/tf.sh runs), so the four environments share this code and never a state. Locking uses
  # S3 itself: with use_lockfile (Terraform >= 1.10) the backend takes the lock by writing
  # <key>.tflock with a conditional PUT (S3 If-None-Match), so no DynamoDB lock table is needed.
  backend "s3" {
    bucket       = "showroom-terraform-state"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}

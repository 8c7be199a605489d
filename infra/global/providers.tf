provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      Project     = "showroom"
      Environment = "global"
      ManagedBy   = "terraform"
    }
  }
}

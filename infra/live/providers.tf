provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      Project     = "showroom"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}

# Disaster recovery: the cross-region RDS read replica (and its KMS key and subnets) live here when
# an environment has one (rds_cross_region_replica, prod); the others configure it and use nothing.
provider "aws" {
  alias  = "us_west_2"
  region = "us-west-2"

  default_tags {
    tags = {
      Project     = "showroom"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}

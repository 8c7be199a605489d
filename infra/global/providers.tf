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

# Console sign-ins can be recorded in these Regions too (modules/account-security, "Regions"):
# only the account's sign-in forwarders are created with them.
provider "aws" {
  alias  = "us_east_2"
  region = "us-east-2"

  default_tags {
    tags = {
      Project     = "showroom"
      Environment = "global"
      ManagedBy   = "terraform"
    }
  }
}

provider "aws" {
  alias  = "eu_north_1"
  region = "eu-north-1"

  default_tags {
    tags = {
      Project     = "showroom"
      Environment = "global"
      ManagedBy   = "terraform"
    }
  }
}

provider "aws" {
  alias  = "ap_southeast_2"
  region = "ap-southeast-2"

  default_tags {
    tags = {
      Project     = "showroom"
      Environment = "global"
      ManagedBy   = "terraform"
    }
  }
}

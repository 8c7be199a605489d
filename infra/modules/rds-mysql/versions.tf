terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
      # The cross-region read replica (and its KMS key) is created with this provider.
      # Environments without one pass their default provider here.
      configuration_aliases = [aws.replica]
    }
  }
}

terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
      # The default provider must be us-east-1 (root sign-ins are recorded there; the trail, the
      # topic and the alerting rule live there). These three are the other Regions where an IAM
      # user's sign-in through the global endpoint is recorded: a rule in each forwards it to
      # us-east-1's default event bus (see README.md).
      configuration_aliases = [aws.us_east_2, aws.eu_north_1, aws.ap_southeast_2]
    }
  }
}

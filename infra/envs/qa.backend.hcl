# qa's state, alone under its own key (the bucket and locking are in live/backend.tf).
key = "envs/qa/terraform.tfstate"

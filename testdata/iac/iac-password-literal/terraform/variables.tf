# Variables of the password-literal fixture.

variable "cluster_password" {
  type      = string
  sensitive = true
  # ruleid: iac-password-literal col 16
  default   = "Pl4nted-cluster-default"
}

variable "reporting_password" {
  type      = string
  sensitive = true
  # Set by terraform.tfvars: the finding goes there, not here.
  # ok: iac-password-literal
  default   = "Pl4nted-overridden-by-tfvars"
}

# No default: supplied at apply time, not a literal in the repository.
variable "ops_password" {
  type      = string
  sensitive = true
}

# ruleid: iac-password-literal col 23
reporting_password = "Pl4nted-from-tfvars"

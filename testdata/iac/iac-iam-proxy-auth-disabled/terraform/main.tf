# RDS Proxy auth entries: IAM DISABLED, not set (DISABLED), REQUIRED.

resource "aws_db_proxy" "main" {
  name           = "impulse-proxy"
  engine_family  = "POSTGRESQL"
  require_tls    = true
  role_arn       = "arn:aws:iam::123456789012:role/proxy"
  vpc_subnet_ids = ["subnet-0a1b2c3d"]

  auth {
    auth_scheme = "SECRETS"
    # ruleid: iac-iam-proxy-auth-disabled col 20
    iam_auth    = "DISABLED"
    secret_arn  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-AbCdEf"
  }

  # ruleid: iac-iam-proxy-auth-disabled col 3
  auth {
    auth_scheme = "SECRETS"
    secret_arn  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:reporting-AbCdEf"
  }

  auth {
    auth_scheme = "SECRETS"
    # ok: iac-iam-proxy-auth-disabled
    iam_auth    = "REQUIRED"
    secret_arn  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:audit-AbCdEf"
  }
}

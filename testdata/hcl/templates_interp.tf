locals {
  plain        = "just a string"
  interp       = "db-${var.environment}"
  multi        = "${var.a}-${var.b}.${var.c}"
  only_interp  = "${var.port}"
  number_only  = "${5432}"
  nested_quote = "prefix-${lower("MiXeD-${var.name}")}-suffix"
  escaped      = "not $${interpolated} and not %%{directive}"
  dollar_lone  = "cost: $5 and 100%"
  arith        = "port ${local.base + 1}"
  cond_inside  = "mode: ${var.prod ? "prod" : "dev"}"
  literal_in   = "v${1.50}-${true}"
  conn         = "host=${aws_db_instance.main.address} port=5432 sslmode=require"
}

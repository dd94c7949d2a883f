locals {
  a = format("%s-%05d-%q-%v", "x", 3, "y", true)
  b = jsonencode({ k = [for i in range(5) : { v = i, s = upper("a${i}") }] })
  c = jsondecode(local.b)
  d = try(local.c.k[9].v, lookup(local.c, "z", coalesce(null, "", "d")))
  e = replace(join(",", split("/", "a/b/c")), "/[a-z]/", "$0$0")
  f = merge(local.c, { k = concat(local.c.k, [1]) })
  g = element(flatten([[1], [2, [3]]]), 7)
  h = templatefile("${path.module}/x.tpl", { a = 1 })
  i = aws_db_instance.d[*].master_user_secret[0].secret_arn
  j = "%{for k, v in local.f}${k}=%{if v != null}set%{else}unset%{endif};%{endfor}"
}
resource "aws_db_instance" "d" {
  count = length(local.c.k) > 2 ? 1 : 0
  manage_master_user_password = true
  password = var.pw
}

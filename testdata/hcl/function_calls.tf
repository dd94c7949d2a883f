locals {
  joined     = join(",", var.list)
  formatted  = format("%s-%s-%03d", var.name, var.environment, 7)
  split      = split(",", "a,b,c")
  lower      = lower(var.name)
  upper      = upper("abc")
  replaced   = replace(var.name, "/[^a-z0-9]/", "-")
  concat     = concat(var.a, var.b, ["c"])
  merged     = merge(var.tags, { Name = "x" })
  looked_up  = lookup(var.map, "key", "default")
  tried      = try(var.object.attr, null)
  coalesced  = coalesce(var.maybe, "fallback")
  elem       = element(var.list, 0)
  expanded   = max(var.numbers...)
  min_expand = min(1, 2, var.rest...)
  nested     = upper(lower(trimspace(var.name)))
  no_args    = timestamp()
  trailing   = format(
    "%s:%d",
    var.host,
    var.port,
  )
  file_read  = file("${path.module}/policy.json")
  templated  = templatefile("${path.module}/user_data.sh.tpl", { db = var.db })
  namespaced = provider::aws::arn_parse("arn:aws:iam::123456789012:role/x")
}

locals {
  upper_names   = [for n in var.names : upper(n)]
  filtered      = [for n in var.names : n if n != ""]
  indexed       = [for i, n in var.names : "${i}:${n}"]
  by_name       = { for u in var.users : u.name => u }
  grouped       = { for u in var.users : u.role => u.name... }
  filtered_map  = { for k, v in var.tags : k => v if k != "Secret" }
  nested        = [for s in var.subnets : [for c in s.cidrs : c]]
  multiline = [
    for rule in var.rules :
    {
      port  = rule.port
      cidrs = rule.cidrs
    }
    if rule.enabled
  ]
  object_multi = {
    for k, v in var.map :
    k => upper(v)
  }
}

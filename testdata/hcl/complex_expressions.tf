locals {
  subnet_map = {
    for idx, az in local.azs :
    az => cidrsubnet(var.cidr, 8, idx + (var.public ? 0 : 10))
  }

  flattened = flatten([
    for db_key, db in var.databases : [
      for user in db.users : {
        db   = db_key
        user = user
        conn = "postgresql://${user}@${aws_db_instance.dbs[db_key].address}/${db_key}"
      }
    ]
  ])

  first_reader = length(aws_rds_cluster.main.reader_endpoint) > 0 ? aws_rds_cluster.main.reader_endpoint : null

  env_json = jsonencode({
    for k, v in var.env : k => (can(tonumber(v)) ? tonumber(v) : v)
  })

  sorted = sort(distinct([for r in var.regions : lower(r)]))
}

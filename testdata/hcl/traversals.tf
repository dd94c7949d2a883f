locals {
  simple       = var.name
  attr         = aws_db_instance.main.address
  index        = var.subnets[0]
  string_index = var.tags["Name"]
  expr_index   = var.subnets[count.index % length(var.subnets)]
  legacy       = aws_instance.web.0.id
  legacy_deep  = var.matrix.1.name
  after_call   = element(var.list, 2).id
  paren        = (var.object).field
  tuple_index  = [1, 2, 3][1]
  map_index    = { a = 1 }["a"]
  data_src     = data.aws_caller_identity.current.account_id
  module_out   = module.db.db_instance_address
  path_module  = path.module
  each_value   = each.value.name
}

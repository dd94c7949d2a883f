locals {
  x = concat(var.a..., var.b)
}

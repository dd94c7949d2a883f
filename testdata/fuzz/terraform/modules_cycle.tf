module "a" {
  source = "./modules/a"
  name   = "x-${local.n}"
}
locals {
  n = module.a.out
}
#~ modules/a/main.tf
variable "name" {}
module "b" {
  source = "../b"
  name   = var.name
}
output "out" {
  value = module.b.out
}
#~ modules/b/main.tf
variable "name" {}
module "a" {
  source = "../a"
  name   = var.name
}
output "out" {
  value = "${var.name}${var.name}"
}
#~ terraform.tfvars
n = "1"

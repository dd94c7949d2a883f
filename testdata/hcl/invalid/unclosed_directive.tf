locals {
  a = "%{if var.x}yes"
}

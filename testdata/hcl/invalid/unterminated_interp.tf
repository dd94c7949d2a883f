locals {
  url = "postgresql://${var.host"
}

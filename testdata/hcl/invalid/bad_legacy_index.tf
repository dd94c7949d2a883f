locals {
  x = var.matrix.0.1
}

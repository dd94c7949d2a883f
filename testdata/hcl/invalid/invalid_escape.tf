locals {
  path = "C:\Windows"
}

locals {
  a = 1
}
/* this comment never ends
locals {
  b = 2
}

resource "x" "y" { lifecycle {} }

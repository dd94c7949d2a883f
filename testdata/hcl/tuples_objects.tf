locals {
  empty_tuple  = []
  empty_object = {}
  numbers      = [1, 2.5, 3e2, 0.001]
  mixed        = ["a", 1, true, null, var.x]
  trailing     = ["a", "b",]
  multiline = [
    "one",
    "two",
    "three"
  ]
  object_colon = { a: 1, b: "two" }
  object_commas = { a = 1, b = 2, }
  quoted_keys = {
    "Content-Type" = "application/json"
    "x.y"          = "dotted"
  }
  expr_keys = {
    (var.key_name) = "parenthesized"
    "${var.prefix}-suffix" = "templated"
  }
  nested = {
    level1 = {
      level2 = {
        level3 = [{ deep = true }]
      }
    }
  }
  keyword_keys = {
    null  = "n"
    true  = "t"
    if    = "i"
    for   = "f"
  }
}

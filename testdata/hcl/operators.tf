locals {
  sum        = 1 + 2 * 3 - 4 / 2 % 3
  grouped    = (1 + 2) * 3
  compare    = var.count >= 2 && var.count < 10
  either     = !var.enabled || var.forced
  negative   = -5
  negated    = -var.offset
  not_true   = !true
  equal      = var.engine == "postgres"
  unequal    = var.engine != "mysql"
  le         = 1 <= 2
  gt         = 3 > 2
  chain      = 1 + 2 + 3 + 4
  mixed      = var.a * var.b + var.c * var.d > var.e && !var.f
  minus_lit  = 10 - -2
}

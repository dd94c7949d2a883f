locals {
  integer     = 42
  zero        = 0
  float       = 3.14159
  exponent    = 1e3
  exp_sign    = 2.5E-3
  exp_plus    = 6e+2
  big         = 9007199254740993
  leading_zero = 007
  trailing_zero = 1.50
  negative    = -17
  neg_float   = -0.5
}

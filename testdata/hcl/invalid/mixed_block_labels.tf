# Valid HCL, but hcl2json cannot represent a block type used both with and
# without labels, so both sides must reject it.
thing "a" {}
thing {}

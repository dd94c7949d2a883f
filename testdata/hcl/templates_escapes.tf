locals {
  newline   = "line1\nline2"
  tab       = "a\tb"
  cr        = "a\rb"
  quote     = "say \"hi\""
  backslash = "C:\\path\\to"
  unicode4  = "caf\u00e9"
  unicode8  = "smile \U0001F600"
  regex     = "^[a-z]+\\.[0-9]+$"
  utf8      = "Größe ЖЖ 日本"
  json_str  = "{\"key\": \"value\"}"
}

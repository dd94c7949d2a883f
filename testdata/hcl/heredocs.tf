locals {
  plain = <<EOT
Hello
  World
EOT

  indented = <<-EOT
    first
      second
    third
  EOT

  interp = <<EOT
postgresql://${var.user}@${var.host}/app
EOT

  indented_interp = <<-EOT
    host=${var.host}
    port=${var.port}
  EOT

  blank_lines = <<-EOT
    a

    b
  EOT

  empty = <<EOT
EOT

  custom_marker = <<SQL
SELECT * FROM users WHERE id = $1;
SQL

  escaped = <<EOT
not $${interpolated}
EOT
}

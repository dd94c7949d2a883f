locals {
  stripped_interp = "a ${~ var.x ~} b"
  stripped_left   = "a ${~ var.x} b"
  stripped_right  = "a ${var.x ~} b"
  stripped_if     = "%{ if var.x ~}  yes  %{~ endif }"
  list = <<-EOT
    %{ for ip in var.ips ~}
    server ${ip}
    %{ endfor ~}
  EOT
  hosts = <<EOT
%{ for h in var.hosts ~}
${h}
%{ endfor ~}
EOT
}

locals {
  if_else   = "%{if var.tls}sslmode=require%{else}sslmode=disable%{endif}"
  if_only   = "host%{if var.port != null}:${var.port}%{endif}"
  for_list  = "%{for s in var.servers}server ${s}; %{endfor}"
  for_kv    = "%{for k, v in var.params}${k}=${v}&%{endfor}"
  spaced    = "%{ if var.x }yes%{ endif }"
  nested    = "%{for s in var.list}%{if s != ""}[${s}]%{endif}%{endfor}"
  empty_then = "%{if var.a}%{else}no%{endif}"
}

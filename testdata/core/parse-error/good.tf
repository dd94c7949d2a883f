# ok: parse-error
variable "db_name" {
  default = "impulse_db"
}

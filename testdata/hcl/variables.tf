variable "name" {
  type        = string
  description = "Prefix for every resource"
  default     = "orders"
}

variable "environment" {
  type    = string
  default = "dev"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be dev, staging or prod."
  }
}

variable "db_password" {
  type      = string
  sensitive = true
  nullable  = false
}

variable "private_subnet_ids" {
  type    = list(string)
  default = []
}

variable "db_settings" {
  type = object({
    instance_class = string
    storage        = optional(number, 20)
    multi_az       = optional(bool)
    tags           = map(string)
  })
  default = {
    instance_class = "db.t3.micro"
    tags           = {}
  }
}

variable "engine_version" {
  default = "15.4"
}

variable "instance_class" {}

provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}

resource "aws_db_instance" "a" {
  engine = "postgres"
}

resource "aws_db_instance" "b" {
  engine = "postgres"
}

resource "aws_db_proxy" "a" {
  name = "a"
}

locals {
  x = 1
}

locals {
  y = 2
}

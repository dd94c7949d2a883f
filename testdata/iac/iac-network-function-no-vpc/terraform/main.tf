# Functions that connect to the project's database, in and out of a VPC.

resource "aws_db_instance" "main" {
  identifier                  = "impulse-db"
  engine                      = "postgres"
  manage_master_user_password = true
  username                    = "impulse_app"
}

# ruleid: iac-network-function-no-vpc col 1
resource "aws_lambda_function" "outside" {
  function_name = "outside"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "api.zip"
  environment {
    variables = {
      DB_HOST = aws_db_instance.main.address
    }
  }
}

# ok: iac-network-function-no-vpc
resource "aws_lambda_function" "inside" {
  function_name = "inside"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "api.zip"
  vpc_config {
    subnet_ids         = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    security_group_ids = ["sg-0a1b2c3d"]
  }
  environment {
    variables = {
      DB_HOST = aws_db_instance.main.address
    }
  }
}

# Talks to no database: no VPC needed.
# ok: iac-network-function-no-vpc
resource "aws_lambda_function" "thumbnails" {
  function_name = "thumbnails"
  role          = "arn:aws:iam::123456789012:role/thumbnails"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "thumbnails.zip"
  environment {
    variables = {
      BUCKET = "impulse-media"
    }
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "orders-logs"
  lifecycle { prevent_destroy = true }
  timeouts {}
}

locals { short = "yes" }

terraform {}

variable "functions" {
  type = map(object({
    handler = string
    memory  = number
  }))
  default = {
    api    = { handler = "api.handler", memory = 512 }
    worker = { handler = "worker.handler", memory = 1024 }
  }
}

resource "aws_lambda_function" "workers" {
  for_each = var.functions

  function_name = "orders-${each.key}"
  handler       = each.value.handler
  memory_size   = each.value.memory
  runtime       = "python3.12"
  role          = aws_iam_role.lambda.arn
  filename      = "${path.module}/build/${each.key}.zip"

  environment {
    variables = merge(local.common_env, {
      FUNCTION = each.key
    })
  }
}

resource "aws_cloudwatch_log_group" "workers" {
  for_each          = toset(keys(var.functions))
  name              = "/aws/lambda/orders-${each.value}"
  retention_in_days = 14
}

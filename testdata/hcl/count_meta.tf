resource "aws_db_instance" "replica" {
  count               = var.replica_count
  identifier          = "orders-replica-${count.index + 1}"
  replicate_source_db = aws_db_instance.main.identifier
  instance_class      = "db.t3.micro"
  skip_final_snapshot = true

  depends_on = [aws_db_instance.main]

  lifecycle {
    ignore_changes  = [engine_version, tags["LastModified"]]
    prevent_destroy = false
  }
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  count               = var.enable_alarms ? 1 : 0
  alarm_name          = "db-cpu"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  threshold           = 80
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.main.id
  }
}

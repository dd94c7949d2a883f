moved {
  from = aws_db_instance.old
  to   = aws_db_instance.main
}

import {
  to = aws_db_instance.main
  id = "orders-db"
}

removed {
  from = aws_db_instance.legacy

  lifecycle {
    destroy = false
  }
}

check "db_reachable" {
  assert {
    condition     = aws_db_instance.main.status == "available"
    error_message = "The database is not available."
  }
}

# Hash comment at the top.
// Slash comment.
/* Block comment
   spanning lines */

resource "aws_db_instance" "commented" { # trailing hash comment
  engine = "postgres" // trailing slash comment
  /* inline */ username = "app"
  password = var.db_password /* after value */

  # tags = {}
  // port = 5432
  /*
  storage_encrypted = false
  */
}

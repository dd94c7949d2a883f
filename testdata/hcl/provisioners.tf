resource "null_resource" "migrate" {
  triggers = {
    schema_hash = filemd5("${path.module}/schema.sql")
  }

  provisioner "local-exec" {
    command = "psql \"$DATABASE_URL\" -f schema.sql"
    environment = {
      DATABASE_URL = local.database_url
    }
  }

  provisioner "local-exec" {
    when    = destroy
    command = "echo destroyed"
  }

  connection {
    type = "ssh"
    host = self.public_ip
  }
}

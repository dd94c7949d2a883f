resource "aws_instance" "bastion" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"

  user_data = <<-EOF
    #!/bin/bash
    set -euo pipefail
    dnf install -y postgresql15
    cat > /etc/profile.d/db.sh <<'EOS'
    export PGHOST=${aws_db_instance.main.address}
    export PGSSLMODE=verify-full
    EOS
  EOF

  tags = {
    Name = "bastion"
  }
}

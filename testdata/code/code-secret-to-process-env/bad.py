import json
import os
from urllib.parse import quote_plus

import boto3

secret = json.loads(boto3.client("secretsmanager").get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])
# ruleid: code-secret-to-process-env col 1
os.environ["DATABASE_URL"] = f"postgresql://{secret['username']}:{quote_plus(secret['password'])}@{secret['host']}/app?sslmode=require"
# ruleid: code-secret-to-process-env col 23
os.environ.setdefault("PGPASSWORD", secret["password"])

import json
import os
from urllib.parse import quote

import boto3
import psycopg2
from sqlalchemy import create_engine

secret = json.loads(boto3.client("secretsmanager").get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])
user, password, host = secret["username"], secret["password"], secret["host"]

# ruleid: code-url-unencoded-password col 56
engine = create_engine(f"postgresql+psycopg2://{user}:{password}@{host}:5432/app?sslmode=require")

# ruleid: code-url-unencoded-password col 60
dsn = "postgresql://%s:%s@%s/app?sslmode=require" % (user, password, host)
# ruleid: code-url-unencoded-password col 66
other = "postgresql://{}:{}@{}/app?sslmode=require".format(user, password, host)

# quote() keeps '/' unless told otherwise.
# ruleid: code-url-unencoded-password col 32
slash = f"postgresql://{user}:{quote(password)}@{host}/app?sslmode=require"

conn = psycopg2.connect(dsn)

import json
import os

import boto3
import psycopg2

sm = boto3.client("secretsmanager")


def connect():
    secret = json.loads(sm.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])
    # ok: code-password-literal
    return psycopg2.connect(host=secret["host"], user=secret["username"], password=secret["password"], sslmode="require")


# ok: code-password-literal
local = psycopg2.connect(host="localhost", password=os.environ.get("PGPASSWORD"))

import json
import os

import boto3
import psycopg2


def connect():
    # Read on every connection: nothing outlives a rotation.
    secret = json.loads(boto3.client("secretsmanager").get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])
    return psycopg2.connect(host=secret["host"], password=secret["password"], sslmode="require")


# ok: code-secret-to-process-env
os.environ["PGAPPNAME"] = "reports"

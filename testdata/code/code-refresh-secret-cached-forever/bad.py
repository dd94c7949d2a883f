import functools
import json
import os

import boto3
import psycopg2

client = boto3.client("secretsmanager")

# ruleid: code-refresh-secret-cached-forever col 21
SECRET = json.loads(client.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])

_conn = None


def get_conn():
    global _conn
    if _conn is None:
        # ruleid: code-refresh-secret-cached-forever col 29
        secret = json.loads(client.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])
        _conn = psycopg2.connect(host=secret["host"], password=secret["password"], sslmode="require")
    return _conn


@functools.lru_cache(maxsize=1)
def credentials():
    # ruleid: code-refresh-secret-cached-forever col 23
    return json.loads(client.get_secret_value(SecretId="prod/app")["SecretString"])

import json
import os
import time

import boto3
import psycopg2

client = boto3.client("secretsmanager")
_secret = None
_fetched_at = 0.0


def secret():
    global _secret, _fetched_at
    if _secret is None or time.time() - _fetched_at > 300:
        # ok: code-refresh-secret-cached-forever
        _secret = json.loads(client.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])
        _fetched_at = time.time()
    return _secret


_conn = None


def get_conn():
    global _conn
    if _conn is None:
        # ok: code-refresh-secret-cached-forever
        s = json.loads(client.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])
        _conn = psycopg2.connect(host=s["host"], password=s["password"], sslmode="require")
    return _conn


def lambda_handler(event, context):
    global _conn
    try:
        with get_conn().cursor() as cur:
            cur.execute("select 1")
    except psycopg2.OperationalError:
        _conn = None  # reconnect, with a fresh secret, on the next call
        raise

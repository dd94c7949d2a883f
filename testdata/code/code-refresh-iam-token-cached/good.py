import os
import time

import boto3
import psycopg2

rds = boto3.client("rds")


def connect():
    # A fresh token per connection.
    # ok: code-refresh-iam-token-cached
    token = rds.generate_db_auth_token(DBHostname=os.environ["DB_HOST"], Port=5432, DBUsername="app")
    return psycopg2.connect(host=os.environ["DB_HOST"], user="app", password=token, sslmode="require")


_token = None
_signed = 0.0


def token():
    global _token, _signed
    if _token is None or time.monotonic() - _signed > 600:
        # ok: code-refresh-iam-token-cached
        _token = rds.generate_db_auth_token(DBHostname=os.environ["DB_HOST"], Port=5432, DBUsername="app")
        _signed = time.monotonic()
    return _token

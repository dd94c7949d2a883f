import os

import boto3
import psycopg2

rds = boto3.client("rds")

# ruleid: code-refresh-iam-token-cached col 9
TOKEN = rds.generate_db_auth_token(DBHostname=os.environ["DB_HOST"], Port=5432, DBUsername="app")

_conn = None


def get_conn():
    global _conn
    if _conn is None:
        _conn = psycopg2.connect(host=os.environ["DB_HOST"], user="app", password=TOKEN, sslmode="require")
    return _conn

import os

import boto3
import psycopg2

rds = boto3.client("rds")


def handler(event, context):
    token = rds.generate_db_auth_token(DBHostname=os.environ["DB_HOST"], Port=5432, DBUsername="impulse_app")
    # ruleid: project-iam-token-without-tls col 77
    weak = psycopg2.connect(host=os.environ["DB_HOST"], user="impulse_app", password=token, sslmode="prefer")
    # ok: project-iam-token-without-tls
    strong = psycopg2.connect(host=os.environ["DB_HOST"], user="impulse_app", password=token, sslmode="require")
    return weak.status, strong.status

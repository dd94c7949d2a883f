import os

import boto3
import psycopg2

rds = boto3.client("rds")


def handler(event, context):
    # ruleid: project-iam-missing-dbconnect col 13
    token = rds.generate_db_auth_token(DBHostname=os.environ["DB_HOST"], Port=5432, DBUsername="impulse_app")
    conn = psycopg2.connect(host=os.environ["DB_HOST"], user="impulse_app", password=token, sslmode="require")
    return conn.status

import os

import boto3
import psycopg2

rds = boto3.client("rds")


def handler(event, context):
    # ok: project-iam-missing-dbconnect
    token = rds.generate_db_auth_token(DBHostname=os.environ["DB_HOST"], Port=5432, DBUsername="reports_app")
    conn = psycopg2.connect(host=os.environ["DB_HOST"], user="reports_app", password=token, sslmode="require")
    return conn.status

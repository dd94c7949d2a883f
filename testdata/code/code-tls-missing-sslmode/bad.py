import json
import os

import asyncpg
import boto3
import psycopg2
from sqlalchemy import create_engine

secret = json.loads(boto3.client("secretsmanager").get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])

# ruleid: code-tls-missing-sslmode col 8
conn = psycopg2.connect(host=os.environ["DB_HOST"], user="app", password=secret["password"])

# ruleid: code-tls-missing-sslmode col 77
prefer = psycopg2.connect(host=secret["host"], password=secret["password"], sslmode="prefer")

# ruleid: code-tls-missing-sslmode col 53
engine = create_engine(f"postgresql+psycopg2://app@{secret['host']}:5432/app")


async def connect():
    # ruleid: code-tls-missing-sslmode col 18
    return await asyncpg.connect(host=secret["host"], password=secret["password"])

import os

import boto3

client = boto3.client("secretsmanager")


def handler(event, context):
    # ok: project-iam-missing-secret-access
    secret = client.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])
    return len(secret["SecretString"])

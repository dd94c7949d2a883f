import os

import boto3

client = boto3.client("secretsmanager")


def handler(event, context):
    # Set through Globals.
    # ok: project-env-unset
    secret = client.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])
    # ok: project-env-unset
    host = os.environ["DB_HOST"]
    # ruleid: project-env-unset col 12
    port = os.environ["PGPORT"]
    return secret["SecretString"], host, port

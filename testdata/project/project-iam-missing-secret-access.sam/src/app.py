import json
import os

import boto3

client = boto3.client("secretsmanager")


def handler(event, context):
    secret = client.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])
    return json.loads(secret["SecretString"])["username"]

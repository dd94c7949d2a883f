import os

import psycopg2

# ruleid: code-endpoint-not-proxy col 31
conn = psycopg2.connect(host="impulse-db.c9akciq32abc.eu-west-1.rds.amazonaws.com", password=os.environ["PGPASSWORD"], sslmode="require")
# ruleid: code-endpoint-not-proxy col 53
DSN = f"postgresql://app:{os.environ['PGPASSWORD']}@impulse.cluster-c9akciq32abc.eu-west-1.rds.amazonaws.com/app?sslmode=require"

import os

import psycopg2

# ok: code-endpoint-not-proxy
conn = psycopg2.connect(host="impulse-proxy.proxy-c9akciq32abc.eu-west-1.rds.amazonaws.com", password=os.environ["PGPASSWORD"], sslmode="require")
# ok: code-endpoint-not-proxy
local = psycopg2.connect(host="localhost")

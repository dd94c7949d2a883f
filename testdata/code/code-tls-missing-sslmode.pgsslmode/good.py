import os

import psycopg2

# ok: code-tls-missing-sslmode
conn = psycopg2.connect(host=os.environ["DB_HOST"], password=os.environ["DB_PASSWORD"])

import os

import psycopg2

# Not the handler and not imported by it: linked through the CodeUri.
def connect():
    # ruleid: project-env-unset col 36
    return psycopg2.connect(dbname=os.environ["DB_NAME"], host=os.environ["DB_HOST"], sslmode="require")

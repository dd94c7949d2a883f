import os
from urllib.parse import quote, quote_plus

import psycopg2
from sqlalchemy import URL, create_engine

user, password, host = os.environ["DB_USER"], os.environ["DB_PASSWORD"], os.environ["DB_HOST"]

# ok: code-url-unencoded-password
engine = create_engine(f"postgresql+psycopg2://{user}:{quote_plus(password)}@{host}:5432/app?sslmode=require")
# ok: code-url-unencoded-password
dsn = "postgresql://%s:%s@%s/app?sslmode=require" % (user, quote(password, safe=""), host)
# SQLAlchemy's URL.create escapes the parts itself.
# ok: code-url-unencoded-password
url = URL.create("postgresql+psycopg2", username=user, password=password, host=host, database="app", query={"sslmode": "require"})

conn = psycopg2.connect(dsn)

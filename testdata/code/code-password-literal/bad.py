import psycopg2
from sqlalchemy import create_engine

# ruleid: code-password-literal col 79
conn = psycopg2.connect(host="db.internal.example.com", user="app", password="Pl4nted-kw", sslmode="require")

# ruleid: code-password-literal col 51
engine = create_engine("postgresql+psycopg2://app:Pl4nted-sa@db.internal.example.com/app?sslmode=require")

# ruleid: code-password-literal col 57
DSN = "host=db.internal.example.com dbname=app password=Pl4nted-dsn sslmode=require"
other = psycopg2.connect(DSN)

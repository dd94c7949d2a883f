import os

import asyncpg
import psycopg2
from sqlalchemy import create_engine

# ok: code-tls-missing-sslmode
conn = psycopg2.connect(host=os.environ["DB_HOST"], password=os.environ["DB_PASSWORD"], sslmode="verify-full", sslrootcert="/opt/rds/global-bundle.pem")
# ok: code-tls-missing-sslmode
engine = create_engine(f"postgresql+psycopg2://app@{os.environ['DB_HOST']}/app", connect_args={"sslmode": "require"})
# ok: code-tls-missing-sslmode
local = psycopg2.connect("postgresql://postgres@localhost/test")


async def connect():
    # ok: code-tls-missing-sslmode
    return await asyncpg.connect(host=os.environ["DB_HOST"], ssl="require")

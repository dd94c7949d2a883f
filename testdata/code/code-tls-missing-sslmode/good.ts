import { readFileSync } from "fs";
import { Pool } from "pg";

export function url(user: string, password: string, host: string): string {
  // ok: code-tls-missing-sslmode
  return `postgresql://${user}:${encodeURIComponent(password)}@${host}:5432/app?sslmode=verify-full`;
}

// ok: code-tls-missing-sslmode
export const pool = new Pool({ host: process.env.DB_HOST, ssl: { ca: readFileSync("/opt/rds/global-bundle.pem", "utf8") } });

// The client sets TLS itself; the URL need not.
// ok: code-tls-missing-sslmode
export const withUrl = new Pool({ connectionString: `postgresql://app@${process.env.DB_HOST}/app`, ssl: true });

// A local database for tests.
// ok: code-tls-missing-sslmode
export const local = new Pool({ connectionString: "postgresql://postgres@localhost:5432/test" });

// Nothing known about where it connects: node-postgres reads PG* variables.
// ok: code-tls-missing-sslmode
export const fromEnv = new Pool();

import { Pool } from "pg";

// ok: code-tls-missing-sslmode
export const pool = new Pool({ host: process.env.DB_HOST, user: "app", password: process.env.DB_PASSWORD });

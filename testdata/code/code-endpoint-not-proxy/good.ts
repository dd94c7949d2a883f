import { Pool } from "pg";

// ok: code-endpoint-not-proxy
const URL = "postgresql://impulse_app@impulse-proxy.proxy-c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db?sslmode=require";
export const pool = new Pool({ connectionString: URL });
// ok: code-endpoint-not-proxy
export const fromEnv = new Pool({ host: process.env.DB_HOST, ssl: true });

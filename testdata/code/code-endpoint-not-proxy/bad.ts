import { Pool } from "pg";

// ruleid: code-endpoint-not-proxy col 39
const URL = "postgresql://impulse_app@impulse-db.c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db?sslmode=require";
export const pool = new Pool({ connectionString: URL });

// ruleid: code-endpoint-not-proxy col 15
const HOST = "impulse.cluster-c9akciq32abc.us-east-1.rds.amazonaws.com";
export const writer = new Pool({ host: HOST, ssl: true });

// Substituted into a template: reported where the host is written.
// ruleid: code-endpoint-not-proxy col 22
const READER_HOST = "impulse.cluster-ro-c9akciq32abc.us-east-1.rds.amazonaws.com";
export const reader = new Pool({ connectionString: `postgresql://reader@${READER_HOST}:5432/impulse_db?sslmode=require` });

import { Pool, Client } from "pg";

// A literal password in a URL.
// ruleid: code-password-literal col 39
const url = "postgresql://impulse_app:Pl4nted-url@impulse-proxy.proxy-abc123.us-east-1.rds.amazonaws.com:5432/impulse_db?sslmode=require";
export const pool = new Pool({ connectionString: url });

// A literal password in a node-postgres config.
export const reports = new Pool({
  host: "reports-proxy.proxy-abc123.us-east-1.rds.amazonaws.com",
  user: "reporter",
  // ruleid: code-password-literal col 14
  password: "Pl4nted-config",
  ssl: true,
});

// Through a constant: reported where the literal is written.
// ruleid: code-password-literal col 22
const DB_PASSWORD = "Pl4nted-const";
export const client = new Client({ host: "db.internal.example.com", password: DB_PASSWORD, ssl: true });

// A placeholder is a note.
// ruleid: code-password-literal col 44
const template = "postgresql://impulse_app:<password>@impulse-proxy.proxy-abc123.us-east-1.rds.amazonaws.com/impulse_db";
export const fromTemplate = new Client(template);

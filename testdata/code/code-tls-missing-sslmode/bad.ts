import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { Pool } from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const sm = new SecretsManagerClient({});

export async function databaseUrl(): Promise<string> {
  const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
  const { username, password, host, dbname } = JSON.parse(secret.SecretString!);
  // The host comes from the secret: the deployed database. The fix appends &sslmode=require.
  // ruleid: code-tls-missing-sslmode col 70
  return `postgresql://${username}:${encodeURIComponent(password)}@${host}:5432/${dbname}?schema=public`;
}

// A weak sslmode on a literal remote host.
// ruleid: code-tls-missing-sslmode col 116
const REPORTS = "postgresql://reporter@reports-proxy.proxy-abc123.us-east-1.rds.amazonaws.com:5432/reports?sslmode=prefer";
export const reports = new Pool({ connectionString: REPORTS });

// A config without ssl, its host from the environment.
// ruleid: code-tls-missing-sslmode col 25
export const pool = new Pool({ host: process.env.DB_HOST, user: "app", password: process.env.DB_PASSWORD });

export const off = new Pool({
  host: "db.internal.example.com",
  // ruleid: code-tls-missing-sslmode col 3
  ssl: false,
});

// Encrypted, any certificate accepted: a note.
export const unverified = new PrismaPg({
  connectionString: process.env.DATABASE_URL,
  // ruleid: code-tls-missing-sslmode col 3
  ssl: { rejectUnauthorized: false },
});

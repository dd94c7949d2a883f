import { Pool } from "pg";
import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";

const sm = new SecretsManagerClient({});

export async function connect() {
  const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
  const { username, password, host } = JSON.parse(secret.SecretString!);
  // ok: code-password-literal
  const url = `postgresql://${username}:${encodeURIComponent(password)}@${host}:5432/app?sslmode=require`;
  // ok: code-password-literal
  const pool = new Pool({ host, user: username, password, ssl: true });
  return { url, pool };
}

// ok: code-password-literal
export const fromEnv = new Pool({ password: process.env.DB_PASSWORD, host: process.env.DB_HOST, ssl: true });
// ok: code-password-literal
export const noPassword = new Pool({ connectionString: "postgresql://app@localhost:5432/app" });

import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { Pool } from "pg";

const sm = new SecretsManagerClient({});
const TTL_MS = 5 * 60 * 1000;

// A TTL cache: read again after five minutes.
let cached: { password: string; at: number } | undefined;
export async function password(): Promise<string> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.password;
  // ok: code-refresh-secret-cached-forever
  const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
  cached = { password: JSON.parse(secret.SecretString!).password, at: Date.now() };
  return cached.password;
}

// A singleton reset when authentication fails, so the next call reads the secret again.
let pool: Pool | undefined;
async function getPool(): Promise<Pool> {
  if (!pool) {
    // ok: code-refresh-secret-cached-forever
    const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
    pool = new Pool({ password: JSON.parse(secret.SecretString!).password, ssl: true });
  }
  return pool;
}
export async function query(sql: string) {
  try {
    return await (await getPool()).query(sql);
  } catch (e: any) {
    if (e.code === "28P01") pool = undefined;  // password authentication failed
    throw e;
  }
}

// Read on every invocation: nothing is cached.
export const handler = async () => {
  // ok: code-refresh-secret-cached-forever
  const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
  return secret.VersionId;
};

import { PrismaClient } from "@prisma/client";
import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { Pool } from "pg";

const sm = new SecretsManagerClient({ region: "us-east-1" });

// The seeds' getPrisma(): the secret is read under `if (!prisma)` and kept forever.
let prisma: PrismaClient | null = null;
export async function getPrisma() {
  if (!prisma) {
    // ruleid: code-refresh-secret-cached-forever col 26
    const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
    const { username, password, host, dbname } = JSON.parse(secret.SecretString!);
    prisma = new PrismaClient({
      datasourceUrl: `postgresql://${username}:${encodeURIComponent(password)}@${host}:5432/${dbname}?sslmode=require`,
    });
  }
  return prisma;
}

// Read at module scope (top-level await): once per container.
// ruleid: code-refresh-secret-cached-forever col 38
const bootSecret = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: "prod/reports" }))).SecretString!);
export const reports = new Pool({ host: bootSecret.host, password: bootSecret.password, ssl: true });

// A helper that fetches, called under a `??=` guard.
async function readSecret(id: string) {
  // ruleid: code-refresh-secret-cached-forever col 10
  return sm.send(new GetSecretValueCommand({ SecretId: id }));
}
let pool: Pool | undefined;
export async function getPool(): Promise<Pool> {
  pool ??= new Pool({ password: JSON.parse((await readSecret("prod/app")).SecretString!).password, ssl: true });
  return pool;
}

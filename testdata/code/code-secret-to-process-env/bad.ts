import { PrismaClient } from "@prisma/client";
import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";

const sm = new SecretsManagerClient({});
let prisma: PrismaClient | null = null;

export async function getPrisma() {
  if (!prisma) {
    const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
    const { username, password, host, dbname } = JSON.parse(secret.SecretString!);
    // ruleid: code-secret-to-process-env col 5
    process.env.DATABASE_URL = `postgresql://${username}:${encodeURIComponent(password)}@${host}:5432/${dbname}?sslmode=require`;
    prisma = new PrismaClient();
  }
  return prisma;
}

export async function loadEnv() {
  const secret = await sm.send(new GetSecretValueCommand({ SecretId: "prod/reports" }));
  const { password } = JSON.parse(secret.SecretString!);
  // ruleid: code-secret-to-process-env col 32
  Object.assign(process.env, { PGPASSWORD: password });
}

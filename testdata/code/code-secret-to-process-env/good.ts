import { PrismaClient } from "@prisma/client";
import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";

const sm = new SecretsManagerClient({});
let prisma: PrismaClient | null = null;

export async function getPrisma() {
  if (!prisma) {
    const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
    const { username, password, host, dbname } = JSON.parse(secret.SecretString!);
    // The URL goes to the client, not to the environment.
    prisma = new PrismaClient({
      datasourceUrl: `postgresql://${username}:${encodeURIComponent(password)}@${host}:5432/${dbname}?sslmode=require`,
    });
  }
  return prisma;
}

export const handler = async () => {
  try {
    return await (await getPrisma()).user.count();
  } catch (e: any) {
    // Authentication failed after a rotation: drop the client, and with it
    // the password; the next invocation reads the secret again.
    if (e.errorCode === "P1000") prisma = null;
    throw e;
  }
};

// Not a secret.
// ok: code-secret-to-process-env
process.env.PGAPPNAME = "impulse-api";

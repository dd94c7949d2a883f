import { PrismaClient } from '@prisma/client';
import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";

// Cached for the life of the container: after a rotation every new
// connection still uses the old password.
let prisma: PrismaClient | null = null;

async function getPrisma() {
  if (!prisma) {
    const client = new SecretsManagerClient({ region: "us-east-1" });
    const secret = await client.send(
      new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN })
    );
    const { username, password, host, port, dbname } = JSON.parse(secret.SecretString!);

    process.env.DATABASE_URL = `postgresql://${username}:${password}@${host}:${port}/${dbname}?schema=public`;

    prisma = new PrismaClient();
  }
  return prisma;
}

export const handler = async () => {
  const db = await getPrisma();
  const users = await db.user.findMany();
  return { users };
};

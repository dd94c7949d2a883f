import { PrismaClient } from "@prisma/client";
import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { dbPort } from "./config";

const sm = new SecretsManagerClient({});

export const handler = async () => {
  // The function sets DATABASE_SECRET_ARN: the name differs.
  // ruleid: project-env-unset col 70
  const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
  const { username, password, host } = JSON.parse(secret.SecretString!);
  // ok: project-env-unset
  const name = process.env.DB_NAME;
  process.env.DATABASE_URL = `postgresql://${username}:${encodeURIComponent(password)}@${host}:${dbPort}/${name}?sslmode=require`;
  // Written just above: set.
  // ok: project-env-unset
  console.log(process.env.DATABASE_URL ? "configured" : "missing", process.env.LOG_LEVEL);
  return new PrismaClient();
};

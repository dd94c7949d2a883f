import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";

const sm = new SecretsManagerClient({});

export const handler = async () => {
  const db = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
  // A literal SecretId: the billing secret, which a Deny statement covers.
  // ruleid: project-iam-missing-secret-access col 71
  const billing = await sm.send(new GetSecretValueCommand({ SecretId: "prod/billing/db" }));
  return { ok: Boolean(db.SecretString && billing.SecretString) };
};

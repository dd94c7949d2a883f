import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";

const sm = new SecretsManagerClient({});

export const handler = async () => {
  // ok: project-iam-missing-secret-access
  const db = await sm.send(new GetSecretValueCommand({ SecretId: "prod/impulse/db" }));
  return { ok: Boolean(db.SecretString) };
};

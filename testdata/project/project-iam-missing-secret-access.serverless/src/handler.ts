import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";

const sm = new SecretsManagerClient({});

export const main = async () => {
  const db = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
  const other = await sm.send(new GetSecretValueCommand({ SecretId: process.env.OTHER_SECRET_ARN }));
  return [db.SecretString, other.SecretString];
};

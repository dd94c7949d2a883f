import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { Client } from "pg";

const sm = new SecretsManagerClient({});

export async function databaseUrl(): Promise<string> {
  const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
  const { username, password, host, port, dbname } = JSON.parse(secret.SecretString!);
  // ok: code-url-unencoded-password
  return `postgresql://${username}:${encodeURIComponent(password)}@${host}:${port}/${dbname}?sslmode=require`;
}

export function viaBinding(user: string, pass: string, host: string): Client {
  const encoded = encodeURIComponent(pass);
  // ok: code-url-unencoded-password
  return new Client("postgresql://" + user + ":" + encoded + "@" + host + "/app?sslmode=require");
}

// No URL at all: the parts go to the client separately.
// ok: code-url-unencoded-password
export const parts = (password: string) => new Client({ host: "db.internal.example.com", user: "app", password, ssl: true });

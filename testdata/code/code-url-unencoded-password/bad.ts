import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { Signer } from "@aws-sdk/rds-signer";
import { Client } from "pg";

const sm = new SecretsManagerClient({});

export async function databaseUrl(): Promise<string> {
  const secret = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
  const { username, password, host, port, dbname } = JSON.parse(secret.SecretString!);
  // The seeds' own line.
  // ruleid: code-url-unencoded-password col 38
  return `postgresql://${username}:${password}@${host}:${port}/${dbname}?sslmode=require`;
}

export function concatenated(user: string, pass: string, host: string): Client {
  // ruleid: code-url-unencoded-password col 52
  return new Client("postgresql://" + user + ":" + pass + "@" + host + "/app?sslmode=require");
}

export async function withToken(host: string): Promise<Client> {
  const signer = new Signer({ hostname: host, port: 5432, username: "app" });
  const token = await signer.getAuthToken();
  // An IAM token holds '%', '&' and '='.
  // ruleid: code-url-unencoded-password col 41
  return new Client(`postgresql://app:${token}@${host}:5432/app?sslmode=require`);
}

// A literal password with reserved characters.
// ruleid: code-url-unencoded-password col 58
export const local = new Client("postgresql://app:Pl4nted@x#@localhost:5432/app");

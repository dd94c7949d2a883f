import { Signer } from "@aws-sdk/rds-signer";
import { Client } from "pg";

export const handler = async () => {
  // ruleid: project-user-case-mismatch col 85
  const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: "impulse_app" });
  const token = await signer.getAuthToken();
  // ok: project-user-case-mismatch
  const client = new Client({ host: process.env.DB_HOST, user: "Impulse_App", password: token, ssl: true });
  await client.connect();
  return client.query("select 1");
};

import { Signer } from "@aws-sdk/rds-signer";
import { Client } from "pg";

export const handler = async () => {
  const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: "reports_app" });
  // ok: project-iam-missing-dbconnect
  const token = await signer.getAuthToken();
  const client = new Client({ host: process.env.DB_HOST, user: "reports_app", password: token, ssl: true });
  await client.connect();
  return client.query("select 1");
};

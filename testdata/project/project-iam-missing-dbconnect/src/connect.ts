import { Signer } from "@aws-sdk/rds-signer";
import { Client } from "pg";

const signer = new Signer({
  hostname: process.env.DB_HOST!,
  port: 5432,
  username: process.env.DB_USER!,
  region: "us-east-1",
});

export const handler = async () => {
  // ruleid: project-iam-missing-dbconnect col 23
  const token = await signer.getAuthToken();
  const client = new Client({ host: process.env.DB_HOST, user: process.env.DB_USER, password: token, ssl: true });
  await client.connect();
  return client.query("select 1");
};

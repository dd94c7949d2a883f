import { Signer } from "@aws-sdk/rds-signer";
import { Pool } from "pg";

export const handler = async () => {
  const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: "impulse_app" });
  const token = await signer.getAuthToken();
  // ok: project-iam-token-without-tls
  const pool = new Pool({ host: process.env.DB_HOST, user: "impulse_app", password: token });
  return pool.query("select 1");
};

import { Signer } from "@aws-sdk/rds-signer";
import { Pool } from "pg";

const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: "impulse_app" });

export const handler = async () => {
  const token = await signer.getAuthToken();
  // ruleid: project-iam-token-without-tls col 76
  const plain = new Pool({ host: process.env.DB_HOST, user: "impulse_app", password: token });
  // ruleid: project-iam-token-without-tls col 74
  const off = new Pool({ host: process.env.DB_HOST, user: "impulse_app", password: token, ssl: false });
  // ok: project-iam-token-without-tls
  const tls = new Pool({ host: process.env.DB_HOST, user: "impulse_app", password: token, ssl: { rejectUnauthorized: true } });
  // ruleid: project-iam-token-without-tls col 43
  const url = `postgresql://impulse_app:${encodeURIComponent(token)}@${process.env.DB_HOST}:5432/impulse_db`;
  // ok: project-iam-token-without-tls
  const good = `postgresql://impulse_app:${encodeURIComponent(token)}@${process.env.DB_HOST}:5432/impulse_db?sslmode=require`;
  return [plain, off, tls, new Pool({ connectionString: url }), new Pool({ connectionString: good })];
};

import { Signer } from "@aws-sdk/rds-signer";
import { Pool } from "pg";

const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: "app", region: "us-east-1" });

// Signed once at cold start and handed to the pool: new connections fail 15 minutes later.
// ruleid: code-refresh-iam-token-cached col 21
const token = await signer.getAuthToken();
export const pool = new Pool({ host: process.env.DB_HOST, user: "app", password: token, ssl: true });

// A cache that lives an hour.
const TOKEN_TTL_MS = 60 * 60 * 1000;
let cached: string | undefined;
let signedAt = 0;
export async function authToken(): Promise<string> {
  if (!cached || Date.now() - signedAt > TOKEN_TTL_MS) {
    // ruleid: code-refresh-iam-token-cached col 20
    cached = await signer.getAuthToken();
    signedAt = Date.now();
  }
  return cached;
}

import { Signer } from "@aws-sdk/rds-signer";
import { Pool } from "pg";

const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: "app" });

// A fresh token for every new connection.
export const pool = new Pool({
  host: process.env.DB_HOST,
  user: "app",
  // ok: code-refresh-iam-token-cached
  password: () => signer.getAuthToken(),
  ssl: true,
});

// A cache shorter than the token's 15 minutes.
let token: string | undefined;
let expiresAt = 0;
export async function authToken(): Promise<string> {
  if (!token || Date.now() > expiresAt - 60_000) {
    // ok: code-refresh-iam-token-cached
    token = await signer.getAuthToken();
    expiresAt = Date.now() + 14 * 60 * 1000;
  }
  return token;
}

import { PrismaClient } from "@prisma/client";

export function connect(user: string, password: string) {
  // Prisma 5/6 parse the URL themselves and never read PGSSLMODE.
  // ruleid: code-tls-missing-sslmode col 86
  process.env.DATABASE_URL = `postgresql://${user}:${encodeURIComponent(password)}@${process.env.DB_HOST}:5432/app`;
  return new PrismaClient();
}

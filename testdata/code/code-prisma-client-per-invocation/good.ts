import { PrismaClient } from "@prisma/client";

// Created once per container, outside the handler.
// ok: code-prisma-client-per-invocation
const prisma = new PrismaClient();

let reports: PrismaClient | undefined;
function reportsDb(): PrismaClient {
  // A lazily created singleton.
  // ok: code-prisma-client-per-invocation
  reports ??= new PrismaClient({ datasourceUrl: process.env.REPORTS_URL });
  return reports;
}

export const handler = async () => {
  const users = await prisma.user.findMany();
  return { users, reports: await reportsDb().report.count() };
};

// Not a handler: a script run once.
export async function seed() {
  // ok: code-prisma-client-per-invocation
  const client = new PrismaClient();
  await client.user.create({ data: { email: "a@example.com" } });
  await client.$disconnect();
}

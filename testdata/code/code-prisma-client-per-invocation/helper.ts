import { PrismaClient } from "@prisma/client";

// Called by the handler on every invocation.
function db() {
  // ruleid: code-prisma-client-per-invocation col 10
  return new PrismaClient({ log: ["error"] });
}

async function listUsers() {
  return db().user.findMany();
}

export { listUsers as handler };

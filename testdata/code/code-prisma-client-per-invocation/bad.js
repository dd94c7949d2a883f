const { PrismaClient } = require("@prisma/client");

async function main(event) {
  // ruleid: code-prisma-client-per-invocation col 18
  const prisma = new PrismaClient();
  return prisma.user.count();
}

module.exports = { handler: main };

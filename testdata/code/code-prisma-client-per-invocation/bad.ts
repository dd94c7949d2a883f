import { PrismaClient } from "@prisma/client";

export const handler = async (event: { id: number }) => {
  // ruleid: code-prisma-client-per-invocation col 18
  const prisma = new PrismaClient();
  try {
    return await prisma.user.findUnique({ where: { id: event.id } });
  } finally {
    // ruleid: code-prisma-client-per-invocation col 11
    await prisma.$disconnect();
  }
};

import 'dotenv/config'
import { defineConfig, env } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // ruleid: prisma-tls-missing-sslmode col 33
    url: "postgresql://migrator@impulse.c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db",
    // Prisma 7's verify-full is not this rule's to judge.
    // ok: prisma-tls-missing-sslmode
    shadowDatabaseUrl: "postgresql://migrator@impulse.c9akciq32abc.us-east-1.rds.amazonaws.com:5432/shadow?sslmode=verify-full",
  },
})

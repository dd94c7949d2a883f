import 'dotenv/config'
import { defineConfig, env } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // ok: prisma-env-undefined
    url: env('DATABASE_URL'),
    // ruleid: prisma-env-undefined col 36
    shadowDatabaseUrl: process.env.SHADOW_URL!,
  },
})

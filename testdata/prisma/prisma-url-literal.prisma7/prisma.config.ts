import 'dotenv/config'
import { defineConfig, env } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // ruleid: prisma-url-literal col 10
    url: 'postgresql://migrator:Pl4ntedMigratorPw@impulse.c9akciq32abc.us-east-1.rds.amazonaws.com:5432/impulse_db?sslmode=require',
    // ok: prisma-url-literal
    shadowDatabaseUrl: env('SHADOW_DATABASE_URL'),
  },
})

import 'dotenv/config'
import { defineConfig, env } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // ruleid: parse-error col 10
    url: 'postgresql://migrator@localhost:5432/impulse_db,
  },
})

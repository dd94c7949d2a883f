import { Client } from "pg";

// No handler path links this file: judged against every function.
// ruleid: project-env-unset col 47
const client = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL, ssl: true });
client.connect();

// Imported by the handler: it runs in the same function.
// ruleid: project-env-unset col 23
export const dbPort = process.env.DB_PORT ?? "5432";

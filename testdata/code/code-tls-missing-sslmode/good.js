const knex = require("knex");
const postgres = require("postgres");

const db = knex({
  client: "pg",
  // ok: code-tls-missing-sslmode
  connection: { host: process.env.DB_HOST, password: process.env.DB_PASSWORD, ssl: { rejectUnauthorized: true } },
});

// ok: code-tls-missing-sslmode
const sql = postgres({ host: "db.internal.example.com", ssl: "require" });

module.exports = { db, sql };

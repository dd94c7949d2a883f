const knex = require("knex");
const postgres = require("postgres");

// ruleid: code-tls-missing-sslmode col 12
const db = knex({
  client: "pg",
  connection: { host: process.env.DB_HOST, user: "app", password: process.env.DB_PASSWORD },
});

// ruleid: code-tls-missing-sslmode col 13
const sql = postgres({ host: "db.internal.example.com", password: process.env.DB_PASSWORD });

module.exports = { db, sql };

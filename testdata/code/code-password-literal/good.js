const knex = require("knex");

const db = knex({
  client: "pg",
  // ok: code-password-literal
  connection: { host: process.env.DB_HOST, password: process.env.DB_PASSWORD, ssl: true },
});

module.exports = { db };

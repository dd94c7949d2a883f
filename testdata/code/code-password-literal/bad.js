const { Sequelize } = require("sequelize");
const knex = require("knex");

// ruleid: code-password-literal col 55
const sequelize = new Sequelize("impulse_db", "app", "Pl4nted-seq", {
  host: "db.internal.example.com",
  dialect: "postgres",
  dialectOptions: { ssl: { require: true } },
});

const db = knex({
  client: "pg",
  // ruleid: code-password-literal col 61
  connection: { host: "db.internal.example.com", password: "Pl4nted-knex", ssl: true },
});

module.exports = { sequelize, db };

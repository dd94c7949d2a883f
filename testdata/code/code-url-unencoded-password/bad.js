const { Pool } = require("pg");

function url(user, password, host) {
  // ruleid: code-url-unencoded-password col 39
  return ["postgresql://", user, ":", password, "@", host, "/app?sslmode=require"].join("");
}

function concat(user, password, host) {
  // ruleid: code-url-unencoded-password col 44
  return "postgresql://".concat(user, ":", password, "@", host, "/app?sslmode=require");
}

module.exports = { pool: new Pool({ connectionString: url("app", process.env.DB_PASSWORD, "db") }), concat };

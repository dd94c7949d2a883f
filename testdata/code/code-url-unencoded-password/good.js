const { Pool } = require("pg");

function url(user, password, host) {
  // ok: code-url-unencoded-password
  return ["postgresql://", user, ":", encodeURIComponent(password), "@", host, "/app?sslmode=require"].join("");
}

module.exports = { pool: new Pool({ connectionString: url("app", process.env.DB_PASSWORD, "db") }) };

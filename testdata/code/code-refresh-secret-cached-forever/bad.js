const AWS = require("aws-sdk");
const { Client } = require("pg");

const secretsManager = new AWS.SecretsManager();
let client;

exports.handler = async (event) => {
  const db = await connect();
  return db.query("select 1");
};

async function connect() {
  if (client) return client;
  // ruleid: code-refresh-secret-cached-forever col 24
  const secret = await secretsManager.getSecretValue({ SecretId: process.env.DB_SECRET_ARN }).promise();
  const { host, username, password } = JSON.parse(secret.SecretString);
  client = new Client({ host, user: username, password, ssl: true });
  await client.connect();
  return client;
}

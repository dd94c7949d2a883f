#include "bench/monorepo_gen.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <random>

namespace rdslint::bench {
namespace {

// `{S}` is the service's name, `{N}` its number.
std::string Fill(std::string text, const std::string& service, int n) {
  for (size_t at; (at = text.find("{S}")) != std::string::npos;) text.replace(at, 3, service);
  for (size_t at; (at = text.find("{N}")) != std::string::npos;) text.replace(at, 3, std::to_string(n));
  return text;
}

const char* kMainTf = R"(terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

resource "aws_db_subnet_group" "{S}" {
  name       = "{S}-db"
  subnet_ids = var.private_subnet_ids
}

resource "aws_security_group" "{S}_db" {
  name   = "{S}-db"
  vpc_id = var.vpc_id
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.{S}_lambda.id]
  }
}

resource "aws_security_group" "{S}_lambda" {
  name   = "{S}-lambda"
  vpc_id = var.vpc_id
}

resource "aws_rds_cluster" "{S}" {
  cluster_identifier                  = "{S}"
  engine                              = "aurora-postgresql"
  engine_version                      = "16.4"
  database_name                       = "app"
  master_username                     = "app_admin"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  db_subnet_group_name                = aws_db_subnet_group.{S}.name
  vpc_security_group_ids              = [aws_security_group.{S}_db.id]
  backup_retention_period             = 7
  deletion_protection                 = true
}

resource "aws_rds_cluster_instance" "{S}" {
  count              = 2
  identifier         = "{S}-${count.index}"
  cluster_identifier = aws_rds_cluster.{S}.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.{S}.engine
  {PUBLIC}
}

resource "aws_iam_role" "{S}_proxy" {
  name = "{S}-proxy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "rds.amazonaws.com" } }]
  })
}

resource "aws_db_proxy" "{S}" {
  name                   = "{S}"
  engine_family          = "POSTGRESQL"
  role_arn               = aws_iam_role.{S}_proxy.arn
  vpc_subnet_ids         = var.private_subnet_ids
  vpc_security_group_ids = [aws_security_group.{S}_db.id]
  require_tls            = {TLS}
  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = aws_rds_cluster.{S}.master_user_secret[0].secret_arn
  }
}

resource "aws_db_proxy_default_target_group" "{S}" {
  db_proxy_name = aws_db_proxy.{S}.name
}

resource "aws_db_proxy_target" "{S}" {
  db_proxy_name         = aws_db_proxy.{S}.name
  target_group_name     = aws_db_proxy_default_target_group.{S}.name
  db_cluster_identifier = aws_rds_cluster.{S}.id
}

resource "aws_iam_role" "{S}_lambda" {
  name = "{S}-lambda"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "{S}_lambda" {
  name = "{S}-db"
  role = aws_iam_role.{S}_lambda.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["rds-db:connect"]
      Resource = ["arn:aws:rds-db:eu-west-1:123456789012:dbuser:${aws_db_proxy.{S}.id}/app"]
    }]
  })
}

resource "aws_lambda_function" "{S}" {
  function_name = "{S}-api"
  role          = aws_iam_role.{S}_lambda.arn
  runtime       = "nodejs20.x"
  handler       = "dist/handler.handler"
  filename      = "dist/{S}.zip"
  architectures = ["arm64"]
  timeout       = 15
  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [aws_security_group.{S}_lambda.id]
  }
  environment {
    variables = {
      DB_HOST     = {HOST}
      DB_NAME     = "app"
      DB_USER     = "app"
      DB_IAM_AUTH = "true"
      LOG_LEVEL   = "info"
    }
  }
}
)";

const char* kVariablesTf = R"(variable "vpc_id" {
  type        = string
  description = "The VPC the {S} service runs in."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets for the database, the proxy and the function."
}

variable "environment" {
  type    = string
  default = "production"
}
)";

const char* kOutputsTf = R"(output "proxy_endpoint" {
  value = aws_db_proxy.{S}.endpoint
}

output "function_arn" {
  value = aws_lambda_function.{S}.arn
}
)";

const char* kSamTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Description: {S} worker (SAM)

Parameters:
  ProxyEndpoint:
    Type: String
  SecretArn:
    Type: String

Globals:
  Function:
    Timeout: 30
    MemorySize: 512
    Runtime: python3.12

Resources:
  {S}Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: worker/
      Architectures: [arm64]
      Environment:
        Variables:
          DB_HOST: {SAMHOST}
          DB_SECRET_ARN: !Ref SecretArn
          DB_SSLMODE: require
      Policies:
        - Statement:
            - Effect: Allow
              Action: secretsmanager:GetSecretValue
              Resource: !Ref SecretArn
      Events:
        Queue:
          Type: SQS
          Properties:
            Queue: !GetAtt {S}Queue.Arn
            BatchSize: 10

  {S}Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 180
)";

const char* kSchema = R"(generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
)";

const char* kHandlerTs = R"(import { PrismaClient } from '@prisma/client';
import { Signer } from '@aws-sdk/rds-signer';
import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';

const signer = new Signer({
  hostname: process.env.DB_HOST!,
  port: 5432,
  username: process.env.DB_USER!,
  region: process.env.AWS_REGION,
});

let prisma: PrismaClient | undefined;

async function client(): Promise<PrismaClient> {
  if (prisma) return prisma;
  const token = await signer.getAuthToken();
  const url = `postgresql://${process.env.DB_USER}:${encodeURIComponent(token)}@${process.env.DB_HOST}:5432/app?sslmode=require&connection_limit=1`;
  prisma = new PrismaClient({ datasources: { db: { url } } });
  return prisma;
}

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const db = await client();
  const id = event.pathParameters?.id ?? '';
  const order = await db.order{N}.findUnique({ where: { id } });
  return { statusCode: order ? 200 : 404, body: JSON.stringify(order) };
};
)";

const char* kBadHandlerTs = R"(import { Client } from 'pg';

// TODO(ops): move to the secret before launch
const client = new Client('postgresql://app_admin:Sup3rS3cret{N}@{S}.cluster-c9akciq32abc.eu-west-1.rds.amazonaws.com:5432/app');

export async function handler(event: { id: string }) {
  await client.connect();
  const res = await client.query('SELECT * FROM orders WHERE id = $1', [event.id]);
  return res.rows[0];
}
)";

const char* kWorkerPy = R"(import json
import os

import boto3
import psycopg2

_secrets = boto3.client("secretsmanager")
_conn = None


def _connect():
    secret = json.loads(_secrets.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])
    return psycopg2.connect(
        host=os.environ["DB_HOST"],
        dbname="app",
        user=secret["username"],
        password=secret["password"],
        sslmode=os.environ.get("DB_SSLMODE", "require"),
        connect_timeout=5,
    )


def handler(event, context):
    global _conn
    if _conn is None or _conn.closed:
        _conn = _connect()
    with _conn.cursor() as cur:
        for record in event["Records"]:
            body = json.loads(record["body"])
            cur.execute("UPDATE orders SET status = %s WHERE id = %s", (body["status"], body["id"]))
    _conn.commit()
    return {"processed": len(event["Records"])}
)";

const char* kBadWorkerPy = R"(import psycopg2

conn = psycopg2.connect("host={S}-db.c9akciq32abc.eu-west-1.rds.amazonaws.com dbname=app user=app_admin password=hunter2{N}")


def handler(event, context):
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM orders")
        return cur.fetchone()[0]
)";

// Ordinary files: no rule has anything to say about them, and they are most
// of a real repository's bytes.
std::string Component(const std::string& service, int k, std::mt19937& rng) {
  std::string name = "Widget" + std::to_string(k);
  std::string s = "import React, { useEffect, useMemo, useState } from 'react';\n"
                  "import styles from './" + name + ".module.css';\n"
                  "import { formatCurrency, formatDate } from '../lib/format';\n\n"
                  "export interface " + name + "Props {\n  title: string;\n  items: Array<{ id: string; "
                  "label: string; amount: number; createdAt: string }>;\n  onSelect?: (id: string) => void;\n}\n\n"
                  "export function " + name + "({ title, items, onSelect }: " + name + "Props) {\n"
                  "  const [filter, setFilter] = useState('');\n"
                  "  const [expanded, setExpanded] = useState<Record<string, boolean>>({});\n"
                  "  const visible = useMemo(() => items.filter((i) => i.label.toLowerCase()"
                  ".includes(filter.toLowerCase())), [items, filter]);\n"
                  "  useEffect(() => { document.title = `" + service + " · ${title}`; }, [title]);\n";
  const int rows = 30 + static_cast<int>(rng() % 100);
  for (int r = 0; r < rows; ++r) {
    s += "  const handle" + std::to_string(r) + " = (id: string) => { setExpanded((e) => ({ ...e, [id]: !e[id] "
         "})); onSelect?.(id); };\n";
  }
  s += "  return (\n    <section className={styles.root}>\n      <h2>{title}</h2>\n"
       "      <input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder=\"Filter\" />\n"
       "      <ul>\n        {visible.map((i) => (\n          <li key={i.id} onClick={() => handle0(i.id)}>\n"
       "            {i.label} {formatCurrency(i.amount)} {formatDate(i.createdAt)}\n"
       "            {expanded[i.id] && <span className={styles.detail}>{i.id}</span>}\n"
       "          </li>\n        ))}\n      </ul>\n    </section>\n  );\n}\n";
  return s;
}

std::string LibTs(int k, std::mt19937& rng) {
  std::string s = "// Helpers shared by the handlers and the UI.\n";
  const int fns = 20 + static_cast<int>(rng() % 60);
  for (int f = 0; f < fns; ++f) {
    const std::string n = std::to_string(k) + "_" + std::to_string(f);
    s += "export function normalise" + n + "(input: string, options: { trim?: boolean } = {}): string {\n"
         "  const value = options.trim === false ? input : input.trim();\n"
         "  return value.normalize('NFC').replace(/\\s+/g, ' ');\n}\n\n";
  }
  return s;
}

std::string TestTs(int k, std::mt19937& rng) {
  std::string s = "import { describe, expect, it } from 'vitest';\nimport { normalise" + std::to_string(k) +
                  "_0 } from '../src/lib/util" + std::to_string(k) + "';\n\ndescribe('normalise', () => {\n";
  const int cases = 20 + static_cast<int>(rng() % 50);
  for (int c = 0; c < cases; ++c) {
    s += "  it('case " + std::to_string(c) + "', () => {\n    expect(normalise" + std::to_string(k) +
         "_0('  a  b " + std::to_string(c) + " ')).toBe('a b " + std::to_string(c) + "');\n  });\n";
  }
  return s + "});\n";
}

std::string Doc(const std::string& service, int k, std::mt19937& rng) {
  std::string s = "# " + service + ": notes " + std::to_string(k) + "\n\n";
  const int paras = 10 + static_cast<int>(rng() % 30);
  for (int p = 0; p < paras; ++p) {
    s += "The service keeps its state in Aurora PostgreSQL and reaches it through RDS Proxy; "
         "credentials come from Secrets Manager and rotate every thirty days. Paragraph " +
         std::to_string(p) + " describes an operational detail the on-call engineer needs.\n\n";
  }
  return s;
}

std::string UtilPy(int k, std::mt19937& rng) {
  std::string s = "\"\"\"Helpers for the worker.\"\"\"\nfrom dataclasses import dataclass\n\n\n";
  const int fns = 15 + static_cast<int>(rng() % 45);
  for (int f = 0; f < fns; ++f) {
    s += "def transform_" + std::to_string(k) + "_" + std::to_string(f) +
         "(record: dict) -> dict:\n    out = dict(record)\n    out[\"seen\"] = True\n"
         "    return {key.lower(): value for key, value in out.items()}\n\n\n";
  }
  return s;
}

std::string Models(int n, std::mt19937& rng) {
  std::string s;
  const int models = 4 + static_cast<int>(rng() % 8);
  for (int m = 0; m < models; ++m) {
    s += "\nmodel " + std::string(m == 0 ? "Order" + std::to_string(n) : "Entity" + std::to_string(m)) +
         " {\n  id        String   @id @default(cuid())\n  status    String   @default(\"new\")\n"
         "  amount    Decimal  @db.Decimal(12, 2)\n  createdAt DateTime @default(now())\n"
         "  updatedAt DateTime @updatedAt\n\n  @@index([status, createdAt])\n}\n";
  }
  return s;
}

struct Writer {
  std::string root;
  GeneratedTree* tree;
  int limit;
  bool Write(const std::string& rel, const std::string& text) {
    if (tree->files >= limit) return false;
    const std::string path = root + "/" + rel;
    for (size_t slash = path.find('/', root.size() + 1); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      mkdir(path.substr(0, slash).c_str(), 0755);
    }
    std::ofstream(path, std::ios::binary) << text;
    ++tree->files;
    tree->bytes += text.size();
    return true;
  }
};

}  // namespace

GeneratedTree GenerateMonorepo(const std::string& dir, int files) {
  GeneratedTree tree;
  Writer w{dir, &tree, files};
  std::mt19937 rng(20261124);
  w.Write(".gitignore", "node_modules/\ndist/\n.aws-sam/\n*.zip\n");
  w.Write("README.md", "# The monorepo\n\nServices live under services/.\n");
  for (int n = 0; tree.files < files; ++n) {
    const std::string s = "svc" + std::to_string(n);
    const std::string p = "services/" + s + "/";
    const bool bad = n % 10 == 3;  // one service in ten has the classic mistakes
    ++tree.services;
    std::string tf = Fill(kMainTf, s, n);
    auto set = [&tf](const std::string& key, const std::string& value) {
      tf.replace(tf.find(key), key.size(), value);
    };
    set("{PUBLIC}", bad ? "publicly_accessible = true" : "publicly_accessible = false");
    set("{TLS}", bad ? "false" : "true");
    set("{HOST}", bad ? "aws_rds_cluster." + s + ".endpoint" : "aws_db_proxy." + s + ".endpoint");
    std::string sam = Fill(kSamTemplate, s, n);
    sam.replace(sam.find("{SAMHOST}"), 9,
                bad ? s + ".cluster-c9akciq32abc.eu-west-1.rds.amazonaws.com" : "!Ref ProxyEndpoint");
    const std::string env =
        bad ? "DATABASE_URL=postgresql://app_admin:Pa55word" + std::to_string(n) + "@" + s +
                  ".cluster-c9akciq32abc.eu-west-1.rds.amazonaws.com:5432/app\nLOG_LEVEL=debug\n"
            : "DATABASE_URL=postgresql://app:${DB_PASSWORD}@" + s +
                  ".proxy-c9akciq32abc.eu-west-1.rds.amazonaws.com:5432/app?sslmode=require&connection_limit=1\n"
                  "LOG_LEVEL=info\nAWS_REGION=eu-west-1\n";
    std::vector<std::string> changes = {p + ".env", p + "prisma/schema.prisma", p + "src/handler.ts",
                                        p + "worker/app.py", p + "infra/main.tf"};
    bool more = w.Write(p + "infra/main.tf", tf) && w.Write(p + "infra/variables.tf", Fill(kVariablesTf, s, n)) &&
                w.Write(p + "infra/outputs.tf", Fill(kOutputsTf, s, n)) && w.Write(p + "template.yaml", sam) &&
                w.Write(p + ".env", env) &&
                w.Write(p + ".env.example",
                        "DATABASE_URL=postgresql://app:CHANGE_ME@localhost:5432/app?sslmode=disable\n") &&
                w.Write(p + "prisma/schema.prisma", std::string(kSchema) + Models(n, rng)) &&
                w.Write(p + "package.json",
                        Fill(R"({
  "name": "@acme/{S}",
  "version": "1.{N}.0",
  "private": true,
  "scripts": { "build": "tsc -p .", "test": "vitest run" },
  "dependencies": { "@prisma/client": "6.16.2", "@aws-sdk/rds-signer": "3.658.1", "pg": "8.13.0", "react": "18.3.1" },
  "devDependencies": { "prisma": "6.16.2", "typescript": "5.6.3", "vitest": "2.1.4" }
}
)",
                             s, n)) &&
                w.Write(p + "tsconfig.json",
                        "{\n  \"compilerOptions\": { \"target\": \"ES2022\", \"module\": \"NodeNext\", \"strict\": "
                        "true, \"outDir\": \"dist\" }\n}\n") &&
                w.Write(p + "src/handler.ts", Fill(kHandlerTs, s, n)) &&
                w.Write(p + "worker/app.py", Fill(kWorkerPy, s, n));
    if (more && bad) {
      more = w.Write(p + "src/legacy.ts", Fill(kBadHandlerTs, s, n)) &&
             w.Write(p + "worker/report.py", Fill(kBadWorkerPy, s, n));
    }
    for (int k = 0; more && k < 12; ++k) {
      more = w.Write(p + "src/components/Widget" + std::to_string(k) + ".tsx", Component(s, k, rng));
    }
    for (int k = 0; more && k < 6; ++k) more = w.Write(p + "src/lib/util" + std::to_string(k) + ".ts", LibTs(k, rng));
    for (int k = 0; more && k < 6; ++k) {
      more = w.Write(p + "tests/util" + std::to_string(k) + ".test.ts", TestTs(k, rng));
    }
    for (int k = 0; more && k < 4; ++k) more = w.Write(p + "worker/util" + std::to_string(k) + ".py", UtilPy(k, rng));
    for (int k = 0; more && k < 4; ++k) more = w.Write(p + "docs/note" + std::to_string(k) + ".md", Doc(s, k, rng));
    if (more) w.Write(p + "README.md", "# " + s + "\n\nOrders API (TypeScript) and worker (Python).\n");
    tree.change_sets.push_back(std::move(changes));
  }
  return tree;
}

}  // namespace rdslint::bench

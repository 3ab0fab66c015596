// RUN: %check_lambda_lint %s connection-in-handler %t
// CommonJS: pools and HTTP agents that connect lazily move to module scope safely; clients that
// connect when made (ioredis) or must be connected once (pg Client, node-redis) are reported
// without a safe fix; a connection the handler closes gets no fix.
const { Pool, Client } = require("pg");
const mysql = require("mysql");
const Redis = require("ioredis");
const { createClient } = require("redis");
const knex = require("knex");
const axios = require("axios");
const https = require("node:https");
const { Agent } = require("undici");

const shared = new Pool({ max: 2 });

exports.handler = async (event) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: PostgreSQL connection pool `new Pool(...)` is opened on every invocation in handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: PostgreSQL connection `new Client(...)` {{.*}} [connection-in-handler]
  await client.connect();
  const mysqlPool = mysql.createPool({ host: process.env.DB_HOST });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: MySQL connection pool `mysql.createPool(...)` {{.*}} [connection-in-handler]
  const redis = new Redis(process.env.REDIS_URL);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: Redis client `new Redis(...)` {{.*}} [connection-in-handler]
  const nodeRedis = createClient({ url: process.env.REDIS_URL });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: Redis client `createClient(...)` {{.*}} [connection-in-handler]
  const db = knex({ client: "pg", connection: process.env.DATABASE_URL });
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: database client `knex(...)` {{.*}} [connection-in-handler]
  const api = axios.create({ baseURL: process.env.API_URL, httpsAgent: new https.Agent({ keepAlive: true }) });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: HTTP client `axios.create(...)` {{.*}} [connection-in-handler]
  // The agent made for it is part of the same construction: one finding, one fix.
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: HTTP client `new Agent(...)` {{.*}} [connection-in-handler]
  const closed = new Pool();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: PostgreSQL connection pool `new Pool(...)` {{.*}} [connection-in-handler]
  try {
    await closed.query("select 1");
  } finally {
    await closed.end();
  }
  await shared.query("select 1");
  return [pool, client, mysqlPool, redis, nodeRedis, db, api, dispatcher];
};

// CHECK-FIXES: const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
// CHECK-FIXES: const mysqlPool = mysql.createPool({ host: process.env.DB_HOST });
// CHECK-FIXES: const db = knex({ client: "pg", connection: process.env.DATABASE_URL });
// CHECK-FIXES: const api = axios.create({ baseURL: process.env.API_URL, httpsAgent: new https.Agent({ keepAlive: true }) });
// CHECK-FIXES: const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
// CHECK-FIXES: exports.handler = async (event) => {
// CHECK-FIXES: const client = new Client({ connectionString: process.env.DATABASE_URL });
// CHECK-FIXES: const redis = new Redis(process.env.REDIS_URL);
// CHECK-FIXES: const nodeRedis = createClient({ url: process.env.REDIS_URL });
// CHECK-FIXES: const closed = new Pool();

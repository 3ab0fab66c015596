// RUN: %check_lambda_lint %s client-in-handler %t
// RUN: %check_lambda_lint %s connection-in-handler %t-connection
// RUN: %check_lambda_lint %s config-fetch-in-handler %t-config
// RUN: %check_lambda_lint %s sdk-v2-import %t-v2
// Code that does its expensive work once per execution environment: nothing to report.
import { S3Client } from "@aws-sdk/client-s3";
import { SSMClient, GetParameterCommand } from "@aws-sdk/client-ssm";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { getParameter } from "@aws-lambda-powertools/parameters/ssm";
import pg from "pg";
import mysql from "mysql2/promise";
import mongoose from "mongoose";
import memoize from "lodash/memoize";
import pMemoize from "p-memoize";

// Module scope.
const s3 = new S3Client({});
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const ssm = new SSMClient({});
const pool = new pg.Pool({ max: 1 });

// Lazy caches of every shape.
let mongo;
let sqlPromise;
let settingsPromise;
let ready = false;
let viaFlag;
const perRegion = new Map();
const byName = {};

function getMongo() {
  mongo ??= mongoose.connect(process.env.MONGODB_URI);
  return mongo;
}

function getSql() {
  return sqlPromise || (sqlPromise = mysql.createConnection({ uri: process.env.DATABASE_URL }));
}

async function settings() {
  if (settingsPromise === undefined) {
    settingsPromise = ssm.send(new GetParameterCommand({ Name: "/app/settings" }));
  }
  return settingsPromise;
}

function regional(region) {
  if (!perRegion.has(region)) perRegion.set(region, new S3Client({ region }));
  return perRegion.get(region);
}

function named(name) {
  if (!(name in byName)) byName[name] = new S3Client({ region: name });
  return byName[name];
}

function once() {
  if (!ready) {
    viaFlag = new S3Client({});
    ready = true;
  }
  return viaFlag;
}

function earlyReturn() {
  if (viaFlag) {
    return viaFlag;
  }
  viaFlag = new S3Client({});
  return viaFlag;
}

const memoClient = memoize((region) => new S3Client({ region }));
const memoSecret = pMemoize(async () => ssm.send(new GetParameterCommand({ Name: "/app/secret" })));

class Repository {
  #client;
  get client() {
    this.#client ??= new DynamoDBClient({});
    return this.#client;
  }
}
const repository = new Repository();

// Not called from a handler.
export function createAdminClient() {
  return new S3Client({ region: "us-east-1" });
}

export const handler = async (event) => {
  const flags = await getParameter("/app/flags", { maxAge: 300 });
  await getMongo();
  await getSql();
  await settings();
  regional(event.region);
  named(event.name);
  once();
  earlyReturn();
  memoClient(event.region);
  await memoSecret();
  const client = repository.client;
  const { rows } = await pool.query("select 1");
  return { flags, rows, client, s3, documents };
};

// RUN: %check_lambda_lint %s client-in-handler %t
// CommonJS: clients made in the handler and the helpers it calls are reported; module scope,
// lazy getters and memoised factories are clean. Safe fixes move plain declarations.
const { S3Client, PutObjectCommand } = require("@aws-sdk/client-s3");
const sqsModule = require("@aws-sdk/client-sqs");
const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
const { DynamoDBDocumentClient } = require("@aws-sdk/lib-dynamodb");
const memoize = require("lodash/memoize");

const REGION = process.env.AWS_REGION || "us-east-1";
const ddb = new DynamoDBClient({});
let sns;
const perRegion = new Map();

function getSns() {
  if (!sns) sns = new sqsModule.SQSClient({});
  return sns;
}

function regional(region) {
  let client = perRegion.get(region);
  if (!client) {
    client = new S3Client({ region });
    perRegion.set(region, client);
  }
  return client;
}

const cachedClient = memoize(() => new S3Client({}));

async function publish(event) {
  const sqs = new sqsModule.SQSClient({ region: REGION }); // keep this comment
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: AWS SDK client `new sqsModule.SQSClient(...)` is created on every invocation in `publish`, called from handler `handler`; create it once at module scope and reuse it [client-in-handler]
  return sqs;
}

exports.handler = async (event, context) => {
  const s3 = new S3Client({ region: REGION, maxAttempts: Number(process.env.ATTEMPTS) });
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `handler`; create it once at module scope and reuse it [client-in-handler]
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: DynamoDB document client `DynamoDBDocumentClient.from(...)` is created on every invocation in handler `handler`; {{.*}} [client-in-handler]
  // The DynamoDBClient made for it is part of the same construction: one finding, one fix.
  const perEvent = new S3Client({ region: event.region });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: note: AWS SDK client `new S3Client(...)` {{.*}} [client-in-handler]
  await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: event.key, Body: "x" }));
  await Promise.all(event.Records.map(async (record) => {
    const forRecord = new S3Client({ region: record.awsRegion });
    // CHECK-MESSAGES: :[[@LINE-1]]:23: note: AWS SDK client `new S3Client(...)` is created on every invocation in handler `handler`; {{.*}} [client-in-handler]
    return forRecord;
  }));
  await publish(event);
  getSns();
  regional(event.region);
  cachedClient();
  ddb.send({});
  return { doc, perEvent };
};

function neverCalledFromAHandler() {
  return new S3Client({});
}

// CHECK-FIXES: const ddb = new DynamoDBClient({});
// CHECK-FIXES: const sqs = new sqsModule.SQSClient({ region: REGION }); // keep this comment
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: async function publish(event) {
// CHECK-FIXES: return sqs;
// CHECK-FIXES: const s3 = new S3Client({ region: REGION, maxAttempts: Number(process.env.ATTEMPTS) });
// CHECK-FIXES: const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
// CHECK-FIXES: exports.handler = async (event, context) => {
// CHECK-FIXES: const perEvent = new S3Client({ region: event.region });
// CHECK-FIXES: const forRecord = new S3Client({ region: record.awsRegion });

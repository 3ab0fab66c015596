// RUN: %check_lambda_lint %s eager-heavy-import %t
// CommonJS: a heavy require that only some invocations need moves into the code that uses it
// (a helper called from a branch, a branch of the handler, a catch clause, several rarely
// called helpers). It stays where every invocation needs it (the handler's own path, a helper
// called in the loop over the records), where module scope uses it, or when it is light.
const _ = require("lodash");
const mongoose = require("mongoose");
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `mongoose` ({{[0-9]+}} ms to import) is loaded during Init on every cold start, but used only in `connectAudit`, which not every invocation runs; import it where it is used [eager-heavy-import]
const axios = require("axios");
const { SQSClient, SendMessageCommand: Send } = require("@aws-sdk/client-sqs");
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `@aws-sdk/client-sqs` ({{.*}}) is loaded during Init on every cold start, but used only in a branch of `handler`; import it where it is used [eager-heavy-import]
const { S3Client, PutObjectCommand } = require("@aws-sdk/client-s3");
const { SSMClient } = require("@aws-sdk/client-ssm");
const jwt = require("jsonwebtoken"); // signs error reports
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `jsonwebtoken` ({{.*}}) {{.*}} used only in a branch of `handler`; {{.*}}
const AWS = require("aws-sdk");
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `aws-sdk` ({{[0-9]+}} ms to import) is imported at module scope but never used; every cold start pays for it [eager-heavy-import]
const zod = require("zod"), limits = { max: 10 };
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `zod` ({{.*}}) {{.*}} used only in `validate`, which not every invocation runs; {{.*}}
const pg = require("pg");
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `pg` ({{.*}}) {{.*}} used only in 2 functions that not every invocation runs; import it where it is used [eager-heavy-import]

const s3 = new S3Client({});

async function connectAudit(uri) {
  // the audit store is only written for flagged events
  return mongoose.connect(uri);
}

async function notify(record) {
  return axios.post(process.env.HOOK, record);
}

// A statement that binds other names too cannot move: no fix.
function validate(body) {
  return zod.object({}).parse(body);
}

async function report(sql) {
  const client = new pg.Client();
  return client.query(sql);
}

async function archive(sql) {
  return new pg.Pool().query(sql);
}

function shadowed(mongoose) {
  return mongoose;
}

exports.handler = async (event) => {
  const ssm = new SSMClient({});
  for (const record of event.Records) {
    await notify(record);
  }
  if (event.audit) {
    await connectAudit(process.env.AUDIT_URI);
  }
  if (event.queue) {
    const sqs = new SQSClient({});
    await sqs.send(new Send({ QueueUrl: event.queue, MessageBody: "x" }));
  }
  if (event.strict) validate(event.body);
  if (event.report) await report(event.sql);
  else if (event.archive) await archive(event.sql);
  try {
    await s3.send(new PutObjectCommand({ Bucket: "b", Key: "k", Body: event.body }));
  } catch (err) {
    return { token: jwt.sign({ err: String(err) }, "key") };
  }
  return { sorted: _.sortBy(event.rows), ssm, limits, shadowed };
};

// CHECK-FIXES: const _ = require("lodash");
// CHECK-FIXES-NOT: require("mongoose")
// CHECK-FIXES: const axios = require("axios");
// CHECK-FIXES-NOT: require("@aws-sdk/client-sqs")
// CHECK-FIXES: const { S3Client, PutObjectCommand } = require("@aws-sdk/client-s3");
// CHECK-FIXES-NEXT: const { SSMClient } = require("@aws-sdk/client-ssm");
// CHECK-FIXES-NOT: require("jsonwebtoken")
// CHECK-FIXES: const AWS = require("aws-sdk");
// CHECK-FIXES: const zod = require("zod"), limits = { max: 10 };
// CHECK-FIXES-NOT: require("pg")
// CHECK-FIXES: const s3 = new S3Client({});
// CHECK-FIXES: async function connectAudit(uri) {
// CHECK-FIXES-NEXT: const mongoose = require("mongoose");
// CHECK-FIXES-NEXT: // the audit store is only written for flagged events
// CHECK-FIXES-NEXT: return mongoose.connect(uri);
// CHECK-FIXES: async function report(sql) {
// CHECK-FIXES-NEXT: const pg = require("pg");
// CHECK-FIXES-NEXT: const client = new pg.Client();
// CHECK-FIXES: async function archive(sql) {
// CHECK-FIXES-NEXT: const pg = require("pg");
// CHECK-FIXES-NEXT: return new pg.Pool().query(sql);
// CHECK-FIXES: function shadowed(mongoose) {
// CHECK-FIXES-NEXT: return mongoose;
// CHECK-FIXES: if (event.queue) {
// CHECK-FIXES-NEXT: const { SQSClient, SendMessageCommand: Send } = require("@aws-sdk/client-sqs");
// CHECK-FIXES-NEXT: const sqs = new SQSClient({});
// CHECK-FIXES: } catch (err) {
// CHECK-FIXES-NEXT: const jwt = require("jsonwebtoken"); // signs error reports
// CHECK-FIXES-NEXT: return { token: jwt.sign(

// RUN: %check_lambda_lint --unsafe-fixes %s client-in-handler,connection-in-handler %t
// RUN: %check_lambda_lint --check-suffix=IMPORTS %s eager-heavy-import %t-imports
// CHECK-MESSAGES-IMPORTS-NOT: [eager-heavy-import]
// Lazy initialisation of any shape runs once per execution environment: a guarded call of an
// init function that fills the cache, a flag, a cold-start block, a reconnect guard on a
// module-level object's state. None of them is per-invocation work.
import { S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import { MongoClient } from "mongodb";
import pg from "pg";

const mongo = new MongoClient(process.env.MONGODB_URI);
let pool;
let s3;
let ready = false;
let isColdStart = true;

async function init() {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
}

const makeS3 = () => {
  s3 = new S3Client({});
};

export const handler = async (event) => {
  if (!pool) await init();
  if (s3 === undefined) makeS3();
  if (!mongo.isConnected()) {
    await mongo.connect();
  }
  if (!ready) {
    new SQSClient({});
    ready = true;
  }
  if (isColdStart) {
    new SQSClient({ region: "eu-west-1" });
    isColdStart = false;
  }
  return [pool, s3];
};

let other;
function fillOther() {
  other = new SQSClient({});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: AWS SDK client `new SQSClient(...)` is created on every invocation in `fillOther`, called from handler `notAGuard`; {{.*}} [client-in-handler]
}

export const notAGuard = async (event, context) => {
  // An init function that fills another name than the one tested is no cache.
  if (!s3) fillOther();
  // The branch does not fill what it tests.
  if (event.debug) {
    new S3Client({});
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `notAGuard`; {{.*}} [client-in-handler]
  }
  // A call on a connected object is not a reconnect guard.
  if (mongo.isConnected()) await mongo.db("x").command({ ping: 1 });
  return other;
};

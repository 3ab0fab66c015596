// RUN: %check_lambda_lint --unsafe-fixes %s eager-heavy-import %t
// ES modules: a heavy import that only some invocations need becomes `await import()` where it
// is used, which is possible only in async code (an unsafe fix: a dynamic import can resolve to
// other exports than a static one). Without an async function or a block to put it in, the
// finding has no fix. Imports used at module scope, on every path, or light ones stay.
import mongoose from "mongoose";
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `mongoose` ({{[0-9]+}} ms to import) is loaded during Init on every cold start, but used only in `audit`, which not every invocation runs; import it where it is used [eager-heavy-import]
import { Pool as PgPool } from "pg";
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `pg` ({{.*}}) {{.*}} used only in `makePool`, which not every invocation runs; {{.*}}
import axios from "axios";
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `axios` ({{.*}}) {{.*}} used only in a branch of `handler`; {{.*}}
import * as jwt from "jsonwebtoken";
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `jsonwebtoken` ({{.*}}) {{.*}} used only in a branch of `handler`; {{.*}}
import { z } from "zod";
import lodash from "lodash";
import { S3Client } from "@aws-sdk/client-s3";
import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `@aws-sdk/client-sqs` ({{.*}}) {{.*}} used only in a branch of `handler`; {{.*}}

const Event = z.object({ id: z.string() });
const s3 = new S3Client({});

async function audit(event) {
  await mongoose.connect(process.env.AUDIT_URI);
  return mongoose.connection.collection("audit").insertOne(event);
}

// Not async: no place for `await import()`.
function makePool() {
  return new PgPool();
}

export const handler = async (event) => {
  const input = Event.parse(event);
  if (input.audit) await audit(input);
  if (input.signed) {
    // sign the receipt
    return jwt.sign({ id: input.id }, process.env.KEY);
  }
  if (input.queue) {
    const sqs = new SQSClient({});
    await sqs.send(new SendMessageCommand({ QueueUrl: input.queue, MessageBody: input.id }));
  }
  const pool = input.db ? makePool() : null;
  // A branch of an expression has no block of its own: no fix.
  const reply = input.hook ? await axios.post(input.hook) : null;
  return { s3, pool, reply, ids: lodash.uniq([input.id]) };
};

// CHECK-FIXES-NOT: import mongoose
// CHECK-FIXES: import { Pool as PgPool } from "pg";
// CHECK-FIXES-NEXT: //
// CHECK-FIXES-NEXT: import axios from "axios";
// CHECK-FIXES-NOT: import * as jwt
// CHECK-FIXES: import { z } from "zod";
// CHECK-FIXES-NOT: import { SQSClient
// CHECK-FIXES: async function audit(event) {
// CHECK-FIXES-NEXT: const { default: mongoose } = await import("mongoose");
// CHECK-FIXES-NEXT: await mongoose.connect(process.env.AUDIT_URI);
// CHECK-FIXES: if (input.signed) {
// CHECK-FIXES-NEXT: const jwt = await import("jsonwebtoken");
// CHECK-FIXES-NEXT: // sign the receipt
// CHECK-FIXES: if (input.queue) {
// CHECK-FIXES-NEXT: const { SQSClient, SendMessageCommand } = await import("@aws-sdk/client-sqs");
// CHECK-FIXES-NEXT: const sqs = new SQSClient({});

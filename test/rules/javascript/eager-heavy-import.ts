// RUN: %check_lambda_lint --unsafe-fixes %s eager-heavy-import %t
// TypeScript: uses in types don't load anything. An import used as a value only where some
// invocations go becomes `await import()` there, and what the types still name stays as
// `import type`. Type-only imports, imports used only in types (erased), imports used at module
// scope or on every invocation's path stay quiet.
import type { Context } from "aws-lambda";
import type { S3Client } from "@aws-sdk/client-s3";
import mongoose from "mongoose";
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `mongoose` ({{[0-9]+}} ms to import) is loaded during Init on every cold start, but used only in `connect`, which not every invocation runs; import it where it is used [eager-heavy-import]
import { SQSClient, type SQSClientConfig } from "@aws-sdk/client-sqs";
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `@aws-sdk/client-sqs` ({{.*}}) {{.*}} used only in a branch of `handler`; {{.*}}
import { SSMClient as Ssm, GetParameterCommand } from "@aws-sdk/client-ssm";
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `@aws-sdk/client-ssm` ({{.*}}) {{.*}} used only in `readParameter`, which not every invocation runs; {{.*}}
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import axios from "axios";
import { z } from "zod";
import jwt from "jsonwebtoken";

const sqsConfig: SQSClientConfig = { region: process.env.AWS_REGION };
let connection: mongoose.Connection | undefined;
let table: DynamoDBClient | undefined;
let bucket: S3Client | undefined;
const http = axios.create({ timeout: 1000 });

async function connect(uri: string): Promise<mongoose.Connection> {
  connection = await mongoose.createConnection(uri).asPromise();
  return connection;
}

async function readParameter(name: string): Promise<string | undefined> {
  const ssm = new Ssm({});
  const out = await ssm.send(new GetParameterCommand({ Name: name }));
  return out.Parameter?.Value;
}

export async function handler(event: { queue?: string; audit?: boolean; key?: string }, context: Context) {
  const body = z.object({}).parse(event);
  if (event.audit) await connect(process.env.AUDIT_URI ?? "");
  if (event.key) await readParameter(event.key);
  if (event.queue) {
    const sqs = new SQSClient(sqsConfig);
    await sqs.send(event.queue as never);
  }
  return { body, http, table, bucket, context, token: jwt.sign({}, "k") };
}

// CHECK-FIXES: import type { S3Client } from "@aws-sdk/client-s3";
// CHECK-FIXES-NEXT: import type mongoose from "mongoose";
// CHECK-FIXES: import type { SQSClientConfig } from "@aws-sdk/client-sqs";
// CHECK-FIXES-NOT: "@aws-sdk/client-ssm";
// CHECK-FIXES: import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
// CHECK-FIXES: async function connect(uri: string): Promise<mongoose.Connection> {
// CHECK-FIXES-NEXT: const { default: mongoose } = await import("mongoose");
// CHECK-FIXES-NEXT: connection = await mongoose.createConnection(uri).asPromise();
// CHECK-FIXES: async function readParameter(name: string): Promise<string | undefined> {
// CHECK-FIXES-NEXT: const { SSMClient: Ssm, GetParameterCommand } = await import("@aws-sdk/client-ssm");
// CHECK-FIXES-NEXT: const ssm = new Ssm({});
// CHECK-FIXES: if (event.queue) {
// CHECK-FIXES-NEXT: const { SQSClient } = await import("@aws-sdk/client-sqs");
// CHECK-FIXES-NEXT: const sqs = new SQSClient(sqsConfig);

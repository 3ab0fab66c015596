// RUN: %check_lambda_lint %s client-in-handler %t
// ES modules: every way of exporting a handler, imports resolved through aliases and namespaces,
// and the lazy-initialisation patterns that are clean.
import { S3Client as Storage } from "@aws-sdk/client-s3";
import * as sns from "@aws-sdk/client-sns";
import AWS from "aws-sdk";
import SQS from "aws-sdk/clients/sqs";
import middy from "@middy/core";

let s3;
let promiseOfClient;
let flag = false;
let viaFlag;
const byRegion = {};

function lazyS3() {
  s3 ??= new Storage({});
  return s3;
}

function lazyOr() {
  return promiseOfClient || (promiseOfClient = Promise.resolve(new Storage({})));
}

function lazyFlag() {
  if (!flag) {
    viaFlag = new Storage({});
    flag = true;
  }
  return viaFlag;
}

function lazyRegion(region) {
  if (byRegion[region] === undefined) byRegion[region] = new Storage({ region });
  return byRegion[region];
}

function earlyReturn() {
  if (viaFlag) return viaFlag;
  viaFlag = new Storage({});
  return viaFlag;
}

const base = async (event) => {
  const topics = new sns.SNSClient({});
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: AWS SDK client `new sns.SNSClient(...)` is created on every invocation in handler `base`; create it once at module scope and reuse it [client-in-handler]
  const legacy = new AWS.SQS({ apiVersion: "2012-11-05" });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: AWS SDK client `new AWS.SQS(...)` is created on every invocation in handler `base`; {{.*}} [client-in-handler]
  const perService = new SQS();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: AWS SDK client `new SQS(...)` {{.*}} [client-in-handler]
  lazyS3();
  await lazyOr();
  lazyFlag();
  lazyRegion(event.region);
  earlyReturn();
  return { topics, legacy, perService };
};

export const handler = middy(base).use({ before: async (request) => {
  request.internal = new Storage({});
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: AWS SDK client `new Storage(...)` is created on every invocation in handler `before`; {{.*}} [client-in-handler]
} });

export async function lambdaHandler(event) {
  const local = new Storage({});
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: AWS SDK client `new Storage(...)` is created on every invocation in handler `lambdaHandler`; {{.*}} [client-in-handler]
  return local;
}

export default async function (event) {
  const fromDefault = new Storage({});
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: AWS SDK client `new Storage(...)` is created on every invocation in handler `default`; {{.*}} [client-in-handler]
  return fromDefault;
}

// Not exported under a handler name and not called from a handler: not per-invocation.
export const helper = async (event) => new Storage({});

// CHECK-FIXES: const topics = new sns.SNSClient({});
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: const legacy = new AWS.SQS({ apiVersion: "2012-11-05" });
// CHECK-FIXES: const perService = new SQS();
// CHECK-FIXES: const base = async (event) => {
// CHECK-FIXES: request.internal = new Storage({});
// CHECK-FIXES: const local = new Storage({});
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: export async function lambdaHandler(event) {
// CHECK-FIXES: const fromDefault = new Storage({});
// CHECK-FIXES: export default async function (event) {

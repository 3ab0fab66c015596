// RUN: %check_lambda_lint --no-fix %s client-in-handler %t
// How handlers are found in an ES module and what they reach. CHECK-NOTES checks the related
// locations too: the handler, why it is one, and the call path to the construction.
import { S3Client } from "@aws-sdk/client-s3";
import middy from "@middy/core";
import express from "express";
import serverless from "serverless-http";

function makeClient() {
  return new S3Client({});
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: AWS SDK client `new S3Client(...)` is created on every invocation in `makeClient`, called from handler `baseHandler`; {{.*}}
  // CHECK-NOTES: :[[@LINE+5]]:7: note: handler `baseHandler` (wrapped by `middy(...)`, exported as `handler`) runs on every invocation
  // CHECK-NOTES: :[[@LINE+5]]:9: note: calls `step`
  // CHECK-NOTES: :[[@LINE+9]]:10: note: calls `makeClient`
}

const baseHandler = async (event) => {
  await step(event);
  return { statusCode: 204 };
};

function step(event) {
  return makeClient();
}

export const handler = middy(baseHandler).use({ onError: async () => undefined });

// A handler factory: what it returns is the handler, the factory itself runs once at Init.
function makeHandler(deps) {
  const once = new S3Client(deps);
  return async (event) => {
    const perInvocation = new S3Client({});
    // CHECK-NOTES: :[[@LINE-1]]:27: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `makeHandler.<anonymous>`; {{.*}}
    // CHECK-NOTES: :[[@LINE-3]]:10: note: handler `makeHandler.<anonymous>` (returned by `makeHandler(...)`, exported as `lambdaHandler`) runs on every invocation
    return [once, perInvocation, event];
  };
}

export const lambdaHandler = makeHandler({ region: "eu-west-1" });

// Exported under a name that is not a handler name: a handler only when named with --handler
// (handlers.js shows that and response streaming).
export const streaming = awslambda.streamifyResponse(async (event, responseStream, context) => {
  responseStream.end(String(new S3Client({})));
});

// An Express app served by serverless-http: its routes run per invocation.
const app = express();
app.get("/orders/:id", async (req, res) => {
  res.json({ client: String(new S3Client({})) });
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `app.get("/orders/:id")`; {{.*}}
  // CHECK-NOTES: :[[@LINE-3]]:24: note: handler `app.get("/orders/:id")` (route `app.get(...)` of an app served by a Lambda adapter) runs on every invocation
});
export const api = serverless(app);

// Neither exported as a handler nor called from one.
export async function unused(event) {
  return new S3Client({});
}

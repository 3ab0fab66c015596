// RUN: %check_lambda_lint %s client-in-handler %t
// An ES module in TypeScript (.mts): `export async function handler`, a v3 aggregated client and
// a typed declaration that moves to module scope with its annotation.
import { SQS } from "@aws-sdk/client-sqs";
import type { SQSEvent } from "aws-lambda";

const QUEUE_URL: string = process.env.DEAD_LETTER_QUEUE_URL ?? "";

export async function handler(event: SQSEvent): Promise<void> {
  const sqs: SQS = new SQS({ region: process.env.AWS_REGION });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: AWS SDK client `new SQS(...)` is created on every invocation in handler `handler`; create it once at module scope and reuse it [client-in-handler]
  for (const record of event.Records) {
    await sqs.sendMessage({ QueueUrl: QUEUE_URL, MessageBody: record.body });
  }
}

// CHECK-FIXES: const QUEUE_URL: string = process.env.DEAD_LETTER_QUEUE_URL ?? "";
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: const sqs: SQS = new SQS({ region: process.env.AWS_REGION });
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: export async function handler(event: SQSEvent): Promise<void> {

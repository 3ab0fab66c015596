// RUN: %check_lambda_lint %s client-in-handler %t
// RUN: %check_lambda_lint --unsafe-fixes --check-suffix=UNSAFE %s client-in-handler %t-unsafe
// TypeScript: type-only imports and type positions are not runtime uses; annotations move with
// the statement; lazy getters get a typed cache.
import type { Context, APIGatewayProxyResult } from "aws-lambda";
import { type S3ClientConfig, S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import { Tracer } from "@aws-lambda-powertools/tracer";
import type { LambdaInterface } from "@aws-lambda-powertools/commons/types";

const tracer = new Tracer();
const config: S3ClientConfig = { region: process.env.AWS_REGION };
let typedOnly: S3Client | undefined;

function getTyped(): S3Client {
  typedOnly ??= new S3Client(config);
  return typedOnly;
}

class Notifier implements LambdaInterface {
  @tracer.captureLambdaHandler()
  public async handler(_event: unknown, _context: Context): Promise<APIGatewayProxyResult> {
    const topics: SNSClient = new SNSClient({});
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: AWS SDK client `new SNSClient(...)` is created on every invocation in handler `Notifier.handler`; {{.*}} [client-in-handler]
    // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:31: warning: AWS SDK client `new SNSClient(...)` {{.*}} [client-in-handler]
    const s3 = event2client(_event as S3ClientConfig) ?? new S3Client(config);
    // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: AWS SDK client `new S3Client(...)` {{.*}} [client-in-handler]
    // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:58: warning: AWS SDK client `new S3Client(...)` {{.*}} [client-in-handler]
    getTyped();
    return { statusCode: 200, body: String(Boolean(topics) && Boolean(s3)) };
  }
}

function event2client(c: S3ClientConfig): S3Client | undefined {
  return undefined;
}

const notifier = new Notifier();
export const handler = notifier.handler.bind(notifier);

// CHECK-FIXES: const topics: SNSClient = new SNSClient({});
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: class Notifier implements LambdaInterface {
// CHECK-FIXES: const s3 = event2client(_event as S3ClientConfig) ?? new S3Client(config);

// CHECK-FIXES-UNSAFE: let _s3Client: S3Client | undefined;
// CHECK-FIXES-UNSAFE-NEXT: function getS3Client() {
// CHECK-FIXES-UNSAFE-NEXT: _s3Client ??= new S3Client(config);
// CHECK-FIXES-UNSAFE: const s3 = event2client(_event as S3ClientConfig) ?? getS3Client();

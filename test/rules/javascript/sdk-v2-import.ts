// RUN: %check_lambda_lint %s sdk-v2-import %t
// TypeScript: `import x = require(...)` and dynamic imports load the SDK; type-only imports do not.
import type { S3 } from "aws-sdk";
import { type SQS } from "aws-sdk";
import AWS = require("aws-sdk");
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: Importing the whole AWS SDK for JavaScript v2 (`aws-sdk`) {{.*}}`@aws-sdk/client-kinesis`{{.*}} [sdk-v2-import]

export async function handler(event: { records: unknown[] }): Promise<void> {
  const kinesis = new AWS.Kinesis();
  const { Lambda } = await import("aws-sdk");
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: Importing the whole AWS SDK for JavaScript v2 (`aws-sdk`) {{.*}} [sdk-v2-import]
  const typed: S3 | SQS | undefined = undefined;
  void [kinesis, Lambda, typed, event];
}

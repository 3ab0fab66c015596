// RUN: %check_lambda_lint %s client-in-handler,sdk-v2-import,unused-suppression %t
// `//` and `/* */` suppressions in TypeScript: on the line, on the line above, several ids, every
// rule, the v2 SDK's import, and what is unused, unknown or listed twice; the fixes keep the code
// and the rest of each comment. (Expectations spell no directive: a comment that holds one is a
// directive.)
// RUN: sed -e 's#// CHECK-.*##' %s > %t.summary.ts
// RUN: %expect_exit 1 %lambda-lint --no-source --select client-in-handler,sdk-v2-import,unused-suppression %t.summary.ts | FileCheck %s --check-prefix=SUMMARY
// SUMMARY: Found 8 findings in 1 file (6 fixable with --fix).
import { S3Client } from "@aws-sdk/client-s3";
import S3 = require("aws-sdk/clients/s3"); // lambda-lint: ignore[sdk-v2-import]

const shared = new S3Client({}); /* lambda-lint: ignore[client-in-handler] */
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: unused suppression: `client-in-handler` suppresses nothing on line [[@LINE-1]] [unused-suppression]

export const handler = async (event: { region: string }): Promise<unknown> => {
  const a = new S3Client({}); // lambda-lint: ignore[client-in-handler]
  // lambda-lint: ignore[client-in-handler, sdk-v2-import]
  const b = new S3Client({ region: event.region });
  // CHECK-MESSAGES: :[[@LINE-2]]:6: warning: unused suppression: `sdk-v2-import` suppresses nothing on line [[@LINE-1]] [unused-suppression]
  /* lambda-lint: ignore */ const c = new S3Client({});
  const d = new S3Client({ region: event.region });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: AWS SDK client `new S3Client(...)` {{.*}} [client-in-handler]
  const e = new S3Client({ region: event.region }); // lambda-lint: ignore[client-in-handlr]
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: AWS SDK client `new S3Client(...)` {{.*}} [client-in-handler]
  // CHECK-MESSAGES: :[[@LINE-2]]:56: warning: unused suppression: `client-in-handlr` is not a lambda-lint rule (did you mean `client-in-handler`?) [unused-suppression]
  const f = 1; /* lambda-lint: ignore[client-in-handler] */ const g = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: unused suppression: `client-in-handler` suppresses nothing on line [[@LINE-1]] [unused-suppression]
  const h = new S3Client({}); // see #12; lambda-lint: ignore[client-in-handler, client-in-handler]
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: unused suppression: `client-in-handler` is listed twice [unused-suppression]
  // lambda-lint: ignore[client-in-handler]
  return [S3, shared, a, b, c, d, e, f, g, h];
  // CHECK-MESSAGES: :[[@LINE-2]]:6: warning: unused suppression: `client-in-handler` suppresses nothing on line [[@LINE-1]] [unused-suppression]
};

// CHECK-FIXES: {{^}}import S3 = require("aws-sdk/clients/s3"); // lambda-lint: ignore[sdk-v2-import]{{$}}
// CHECK-FIXES: {{^}}const shared = new S3Client({});{{$}}
// CHECK-FIXES: {{^}}  // lambda-lint: ignore[client-in-handler]{{$}}
// CHECK-FIXES: {{^}}  const e = new S3Client({ region: event.region });{{$}}
// CHECK-FIXES: {{^}}  const f = 1; const g = 2;{{$}}
// CHECK-FIXES: {{^}}  const h = new S3Client({}); // see #12; lambda-lint: ignore[client-in-handler]{{$}}
// CHECK-FIXES-NOT: ignore[client-in-handler]
// CHECK-FIXES: {{^}}  return [S3, shared, a, b, c, d, e, f, g, h];

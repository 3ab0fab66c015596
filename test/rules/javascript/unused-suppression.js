// RUN: %check_lambda_lint %s client-in-handler,unused-suppression %t
// JavaScript (CommonJS): `//` and `/* */` directives, used, unused and unknown; the fix removes
// what suppresses nothing and keeps the rest of the comment.
const { S3Client } = require("@aws-sdk/client-s3");

const shared = new S3Client({}); // lambda-lint: ignore[client-in-handler]
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: unused suppression: `client-in-handler` suppresses nothing on line [[@LINE-1]] [unused-suppression]

exports.handler = async (event) => {
  const a = new S3Client({ region: event.region }); // lambda-lint: ignore[client-in-handler]
  /* lambda-lint: ignore[client-in-handlr] */ const b = new S3Client({ region: event.region });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: unused suppression: `client-in-handlr` is not a lambda-lint rule (did you mean `client-in-handler`?) [unused-suppression]
  // CHECK-MESSAGES: :[[@LINE-2]]:57: note: AWS SDK client `new S3Client(...)` {{.*}} [client-in-handler]
  return [shared, a, b];
};

// CHECK-FIXES: {{^}}const shared = new S3Client({});{{$}}
// CHECK-FIXES: {{^}}  const a = new S3Client({ region: event.region }); // lambda-lint: ignore[client-in-handler]{{$}}

// RUN: %check_lambda_lint %s client-in-handler %t
// TSX parses with the TSX grammar: JSX and arrow generics do not get in the way.
import { S3Client } from "@aws-sdk/client-s3";
import { renderToString } from "react-dom/server";

const identity = <T,>(value: T): T => value;

export const handler = async (event: { name: string }) => {
  const s3 = new S3Client({});
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `handler`; {{.*}} [client-in-handler]
  const html = renderToString(<main className="page">{identity(event.name)}</main>);
  return { statusCode: 200, headers: { "content-type": "text/html" }, body: html, s3 };
};

// CHECK-FIXES: const s3 = new S3Client({});
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: export const handler = async (event: { name: string }) => {

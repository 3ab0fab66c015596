// A lambda that only forwards to a function makes that function a handler too.
// RUN: %check_lambda_lint %s client-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

using namespace aws::lambda_runtime;

static invocation_response handle(invocation_request const& req, int attempt) {
  Aws::S3::S3Client s3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK client `Aws::S3::S3Client(...)` is created on every invocation in handler `handle`; {{.*}} [client-in-handler]
  // CHECK-FIXES: static Aws::S3::S3Client s3;
  return invocation_response::success("", "");
}

int main() {
  run_handler([](invocation_request const& req) { return handle(req, 1); });
  return 0;
}

// lambda-client-in-handler through clang-tidy (the plugin): same message as the CLI, NOLINT and
// NOLINTNEXTLINE work, the compliant main()-capture shape is clean, unexpected diagnostics fail.
// REQUIRES: lambda-tidy-plugin
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lambda-*' %s -- -std=c++17 -I%src_root/test/cpp/include 2>&1 | FileCheck %s --check-prefix=CHECK-MESSAGES --implicit-check-not='{{warning|error}}:'
// clang-tidy --fix applies the safe fixes (function-local statics, as the CLI writes them) and the
// fixed file still compiles; NOLINT'd lines are left alone.
// RUN: sed -e 's#// CHECK.*##' %s > %t.cpp
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lambda-*' --fix %t.cpp -- -std=c++17 -I%src_root/test/cpp/include > %t.log 2>&1
// RUN: FileCheck %s --check-prefix=CHECK-FIXES --input-file=%t.cpp
// RUN: %clangxx -fsyntax-only -std=c++17 -I%src_root/test/cpp/include %t.cpp
// CHECK-FIXES: static invocation_response handle(invocation_request const& req) {
// CHECK-FIXES: {{^}}  static Aws::S3::S3Client s3;
// CHECK-FIXES: {{^}}  static auto db = std::make_shared<Aws::DynamoDB::DynamoDBClient>();
// CHECK-FIXES: {{^}}  Aws::S3::S3Client quiet; // NOLINT(lambda-client-in-handler)
// CHECK-FIXES: {{^}}  Aws::S3::S3Client quieter;
// CHECK-FIXES: {{^}}  static Aws::S3::S3Client other;
// CHECK-FIXES: int main() {
// CHECK-FIXES: {{^}}  Aws::S3::S3Client s3;
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>
#include <aws/dynamodb/DynamoDBClient.h>

#include <memory>

using namespace aws::lambda_runtime;

static invocation_response handle(invocation_request const& req) {
  Aws::S3::S3Client s3;
// CHECK-MESSAGES: client-in-handler.cpp:[[@LINE-1]]:3: warning: AWS SDK client `Aws::S3::S3Client(...)` is created on every invocation in handler `handle`; create it once (in `main()` before `run_handler`, or as a function-local `static`) and reuse it [lambda-client-in-handler]
// CHECK-MESSAGES: client-in-handler.cpp:[[@LINE-3]]:28: note: handler `handle` (passed to aws::lambda_runtime::run_handler) runs on every invocation
  auto db = std::make_shared<Aws::DynamoDB::DynamoDBClient>();
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: AWS SDK client `std::make_shared<Aws::DynamoDB::DynamoDBClient>(...)` is created on every invocation in handler `handle`; create it once (in `main()` before `run_handler`, or as a function-local `static`) and reuse it [lambda-client-in-handler]
  Aws::S3::S3Client quiet; // NOLINT(lambda-client-in-handler)
  // NOLINTNEXTLINE(lambda-client-in-handler)
  Aws::S3::S3Client quieter;
  Aws::S3::S3Client other; // NOLINT(lambda-connection-in-handler)
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK client {{.*}} [lambda-client-in-handler]
// CHECK-MESSAGES: Suppressed 2 warnings (2 NOLINT).
  return invocation_response::success(req.payload, "application/json");
}

int main() {
  Aws::S3::S3Client s3;
  run_handler(handle);
  run_handler([&s3](invocation_request const& req) { return invocation_response::success("", ""); });
  return 0;
}

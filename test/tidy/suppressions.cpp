// The plugin honours lambda-lint's own `// lambda-lint: ignore[rule]` (trailing, on the line
// above, bare, in a block comment) as the CLI does, next to clang-tidy's NOLINT; a directive that
// names another rule, or a malformed one, suppresses nothing. The CLI reports the same findings
// on this file (second RUN), so the two agree.
// REQUIRES: lambda-tidy-plugin
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lambda-*' %s -- -std=c++17 -I%src_root/test/cpp/include 2>&1 | FileCheck %s --check-prefix=CHECK-MESSAGES --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %lambda-lint --no-source --select client-in-handler,connection-in-handler %s --extra-arg=-I%src_root/test/cpp/include 2>&1 | FileCheck %s --check-prefix=CLI --implicit-check-not='warning:'
// clang-tidy --fix leaves suppressed lines alone.
// RUN: sed -e 's#// CHECK.*##' %s > %t.cpp
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lambda-*' --fix %t.cpp -- -std=c++17 -I%src_root/test/cpp/include > %t.log 2>&1
// RUN: FileCheck %s --check-prefix=CHECK-FIXES --input-file=%t.cpp
// (Expectations spell no directive: a comment that holds one is a directive.)
// CHECK-FIXES: {{^}}  Aws::S3::S3Client a; //
// CHECK-FIXES: {{^}}  Aws::S3::S3Client b;
// CHECK-FIXES: {{^}}  Aws::S3::S3Client bare; //
// CHECK-FIXES: {{^}}  Aws::S3::S3Client block; /*
// CHECK-FIXES: {{^}}  Aws::S3::S3Client nolint; //
// CHECK-FIXES: {{^}}  static Aws::S3::S3Client wrongRule; //
// CHECK-FIXES: {{^}}  static Aws::S3::S3Client malformed; //
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

using namespace aws::lambda_runtime;

static invocation_response handle(invocation_request const& req) {
  Aws::S3::S3Client a; // lambda-lint: ignore[client-in-handler]
  // lambda-lint: ignore[client-in-handler, connection-in-handler]
  // (the reason for it, on a line of its own)
  Aws::S3::S3Client b;
  Aws::S3::S3Client bare; // lambda-lint: ignore
  Aws::S3::S3Client block; /* lambda-lint: ignore[client-in-handler] */
  Aws::S3::S3Client nolint; // NOLINT(lambda-client-in-handler)
  Aws::S3::S3Client wrongRule; // lambda-lint: ignore[connection-in-handler]
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK client {{.*}} [lambda-client-in-handler]
// CLI: :[[@LINE-2]]:3: warning: AWS SDK client {{.*}} [client-in-handler]
  Aws::S3::S3Client malformed; // lambda-lint: ignore[client-in-handler
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK client {{.*}} [lambda-client-in-handler]
// CLI: :[[@LINE-2]]:3: warning: AWS SDK client {{.*}} [client-in-handler]
// CLI: :[[@LINE-3]]:35: warning: malformed suppression {{.*}}: has no closing {{.*}}; it suppresses nothing
// CHECK-MESSAGES: Suppressed 1 warnings (1 NOLINT).
// CLI: Found 2 findings in 1 file
  return invocation_response::success(req.payload, "application/json");
}

int main() {
  run_handler(handle);
  return 0;
}

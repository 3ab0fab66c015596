// RUN: %check_lambda_lint %s client-in-handler,sdk-init-in-handler,unused-suppression %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
// C++: lambda-lint's own directive and clang-tidy's no-lint comments as clang-tidy reads them,
// for the checks it names lambda-<rule>. Entries for clang-tidy's own checks and a bare no-lint
// are never reported; code the preprocessor skips is not read. (Comments here spell no
// directive unless they are one.)
// RUN: sed -e 's#// CHECK-.*##' %s > %t.summary.cpp
// RUN: %expect_exit 1 %lambda-lint --no-source --select client-in-handler,sdk-init-in-handler,unused-suppression %t.summary.cpp --extra-arg=-I%src_root/test/cpp/include | FileCheck %s --check-prefix=SUMMARY
// Six clients suppressed and not counted; two reported, with five unused-suppression findings:
// SUMMARY: Found 7 findings in 1 file (6 fixable with --fix).
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const& req) {
  Aws::S3::S3Client a; // NOLINT(lambda-client-in-handler)
  // NOLINTNEXTLINE(lambda-*)
  Aws::S3::S3Client b;
  Aws::S3::S3Client c; // lambda-lint: ignore[client-in-handler]
  // lambda-lint: ignore[client-in-handler]
  Aws::S3::S3Client d;
  // NOLINTBEGIN(lambda-client-in-handler, lambda-sdk-init-in-handler)
  Aws::S3::S3Client e;
  Aws::S3::S3Client f;
  // NOLINTEND(lambda-client-in-handler, lambda-sdk-init-in-handler)
  // CHECK-MESSAGES: :[[@LINE-4]]:6: warning: unused suppression: `lambda-sdk-init-in-handler` suppresses nothing between lines [[@LINE-4]] and [[@LINE-1]] [unused-suppression]
  Aws::S3::S3Client g;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK client `Aws::S3::S3Client(...)` {{.*}} [client-in-handler]
  int x = 1; // NOLINT(lambda-client-in-handler, bugprone-unused-local)
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: unused suppression: `lambda-client-in-handler` suppresses nothing on line [[@LINE-1]] [unused-suppression]
  int y = 2; // NOLINT(bugprone-unused-local)
  int z = 3; // NOLINT
  int w = 4; /* NOLINT(lambda-clinet-in-handler) */
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: unused suppression: `lambda-clinet-in-handler` is not a lambda-lint rule (did you mean `lambda-client-in-handler`?) [unused-suppression]
  // NOLINTBEGIN(lambda-client-in-handler)
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: unmatched {{.*}}: no {{.*}} with the same checks follows it, so it suppresses nothing [unused-suppression]
  Aws::S3::S3Client h;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK client `Aws::S3::S3Client(...)` {{.*}} [client-in-handler]
#if 0
  int v = 5; // lambda-lint: ignore[client-in-handler]
#endif
  int u = 6; // lambda-lint: ignore[client-in-handler]
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: unused suppression: `client-in-handler` suppresses nothing on line [[@LINE-1]] [unused-suppression]
  (void)a, (void)b, (void)c, (void)d, (void)e, (void)f, (void)g, (void)h;
  return invocation_response::success(std::to_string(x + y + z + w + u), "application/json");
}

int main() {
  run_handler(handler);
  return 0;
}

// Suppressed lines keep their clients as they were; the unused parts go.
// CHECK-FIXES: {{^}}  Aws::S3::S3Client a; //
// CHECK-FIXES: {{^}}  Aws::S3::S3Client e;{{$}}
// CHECK-FIXES: {{^}}  static Aws::S3::S3Client g;{{$}}
// CHECK-FIXES: {{^}}  int x = 1; // NOLINT(bugprone-unused-local){{$}}
// CHECK-FIXES: {{^}}  int y = 2; // NOLINT(bugprone-unused-local){{$}}
// CHECK-FIXES: {{^}}  int z = 3; // NOLINT{{$}}
// CHECK-FIXES: {{^}}  int w = 4;{{$}}
// CHECK-FIXES: {{^}}  static Aws::S3::S3Client h;{{$}}
// CHECK-FIXES: {{^}}  int u = 6;{{$}}

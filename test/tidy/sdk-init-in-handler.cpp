// lambda-sdk-init-in-handler through clang-tidy (the plugin): the plugin registers the rule
// when this build has it (the tidy-check-... feature lists what the plugin offers).
// REQUIRES: lambda-tidy-plugin, tidy-check-lambda-sdk-init-in-handler
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lambda-*' %s -- -std=c++17 -I%src_root/test/cpp/include 2>&1 | FileCheck %s --check-prefix=CHECK-MESSAGES --implicit-check-not='{{warning|error}}:'
#include <aws/lambda-runtime/runtime.h>
#include <aws/core/Aws.h>

using namespace aws::lambda_runtime;

static invocation_response handle(invocation_request const& req) {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}InitAPI
  Aws::ShutdownAPI(options);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}ShutdownAPI
  return invocation_response::success(req.payload, "application/json");
}

int main() {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  run_handler(handle);
  Aws::ShutdownAPI(options);
  return 0;
}

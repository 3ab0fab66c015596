// RUN: %check_lambda_lint %s sdk-init-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
#include <aws/core/Aws.h>
#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

static void shutdown(Aws::SDKOptions const& options) {
  Aws::ShutdownAPI(options);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK shutdown `Aws::ShutdownAPI(...)` runs on every invocation in `shutdown`, called from handler `handler`; call `Aws::InitAPI` once in `main()` before `run_handler`, and `Aws::ShutdownAPI` after it returns [sdk-init-in-handler]
}

static invocation_response handler(invocation_request const& req) {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK initialisation `Aws::InitAPI(...)` runs on every invocation in handler `handler`; {{.*}} [sdk-init-in-handler]
  shutdown(options);
  return invocation_response::success("", "");
}

int main() {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  run_handler(handler);
  Aws::ShutdownAPI(options);
  return 0;
}

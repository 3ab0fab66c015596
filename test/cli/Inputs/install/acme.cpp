#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

int acme_connect(const char* host);

static invocation_response handle(invocation_request const& req) {
  int conn = acme_connect("db.internal");
  (void)conn;
  return invocation_response::success(req.payload, "application/json");
}

int main() {
  run_handler(handle);
  return 0;
}

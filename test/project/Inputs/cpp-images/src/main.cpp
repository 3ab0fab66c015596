#include "images.h"

#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const& req) {
  const std::string key = uploadImage(req.payload);
  return invocation_response::success(key, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}

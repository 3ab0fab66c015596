// RUN: %check_lambda_lint %s sdk-init-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
#include <aws/core/Aws.h>
#include <aws/lambda-runtime/runtime.h>
#include <curl/curl.h>
#include <mongocxx/instance.hpp>

using namespace aws::lambda_runtime;

static void shutdown(Aws::SDKOptions const& options) {
  Aws::ShutdownAPI(options);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK shutdown `Aws::ShutdownAPI(...)` runs on every invocation in `shutdown`, called from handler `handler`; set the library up once in `main()` before `run_handler`, and tear it down after `run_handler` returns [sdk-init-in-handler]
}

static void fetch() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: libcurl global initialisation `curl_global_init(...)` runs on every invocation in `fetch`, called from handler `handler`; {{.*}} [sdk-init-in-handler]
  CURL* curl = curl_easy_init(); // connection-in-handler's business, not this rule's
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  curl_global_cleanup();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: libcurl global cleanup `curl_global_cleanup(...)` {{.*}} [sdk-init-in-handler]
}

static invocation_response handler(invocation_request const& req) {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK initialisation `Aws::InitAPI(...)` runs on every invocation in handler `handler`; {{.*}} [sdk-init-in-handler]
  mongocxx::instance driver{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MongoDB driver instance `mongocxx::instance(...)` runs on every invocation in handler `handler`; {{.*}} [sdk-init-in-handler]
  fetch();
  shutdown(options);
  return invocation_response::success("", "");
}

int main() {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  mongocxx::instance driver{};
  run_handler(handler);
  curl_global_cleanup();
  Aws::ShutdownAPI(options);
  return 0;
}

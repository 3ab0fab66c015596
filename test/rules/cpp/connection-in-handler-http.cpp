// RUN: %check_lambda_lint %s connection-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// RUN: %check_lambda_lint --unsafe-fixes --check-suffix=UNSAFE %s connection-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
// libcurl easy handles and cpr sessions keep their connections alive for reuse. The fix is
// unsafe: options set on the handle or session stay set for the next invocation. cpr's free
// functions (cpr::Get, ...) are not reported.
#include <aws/lambda-runtime/runtime.h>
#include <cpr/cpr.h>
#include <curl/curl.h>

using namespace aws::lambda_runtime;

static void notify(invocation_request const& req) {
  cpr::Session session;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: HTTP client `cpr::Session(...)` is opened on every invocation in `notify`, called from handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:3: warning: HTTP client `cpr::Session(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  cpr::Session session;
  // CHECK-FIXES-UNSAFE: static cpr::Session session;
  session.SetUrl(cpr::Url{"https://hooks.internal/notify"});
  session.SetBody(cpr::Body{req.payload});
  session.Post();
}

static invocation_response handler(invocation_request const& req) {
  CURL* curl = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: HTTP client `curl_easy_init(...)` is opened on every invocation in handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:16: warning: HTTP client `curl_easy_init(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  CURL* curl = curl_easy_init();
  // CHECK-FIXES-UNSAFE: static CURL* curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, "https://api.internal/orders");
  curl_easy_perform(curl);

  CURL* once = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: HTTP client `curl_easy_init(...)` {{.*}} [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:16: warning: HTTP client `curl_easy_init(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES-UNSAFE: {{^}}  CURL* once = curl_easy_init();
  curl_easy_perform(once);
  curl_easy_cleanup(once);

  static CURL* reused = curl_easy_init(); // once, on first use: quiet
  curl_easy_reset(reused);
  curl_easy_perform(reused);

  cpr::Response r = cpr::Get(cpr::Url{"https://api.internal/health"}); // not reported
  notify(req);
  return invocation_response::success(r.text, "application/json");
}

int main() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURL* shared = curl_easy_init(); // before run_handler: quiet
  run_handler([shared](invocation_request const& req) {
    curl_easy_perform(shared);
    return handler(req);
  });
  curl_easy_cleanup(shared);
  curl_global_cleanup();
  return 0;
}

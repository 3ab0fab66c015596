// RUN: %check_lambda_lint %s connection-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// RUN: %check_lambda_lint --unsafe-fixes --check-suffix=UNSAFE %s connection-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
// mongocxx: a client or pool made per invocation. The fix is unsafe: a function-local static is
// destroyed at exit, after the mongocxx::instance that main() owns.
#include <aws/lambda-runtime/runtime.h>
#include <mongocxx/client.hpp>
#include <mongocxx/instance.hpp>
#include <mongocxx/pool.hpp>
#include <mongocxx/uri.hpp>

using namespace aws::lambda_runtime;

static mongocxx::pool* gPool = nullptr;

static mongocxx::database orders() {
  mongocxx::client client{mongocxx::uri{"mongodb://db.internal"}};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MongoDB client `mongocxx::client(...)` is opened on every invocation in `orders`, called from handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:3: warning: MongoDB client `mongocxx::client(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  mongocxx::client client{mongocxx::uri{"mongodb://db.internal"}};
  // CHECK-FIXES-UNSAFE: static mongocxx::client client{mongocxx::uri{"mongodb://db.internal"}};
  return client["orders"];
}

static invocation_response handler(invocation_request const& req) {
  mongocxx::pool pool{mongocxx::uri{"mongodb://db.internal"}};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MongoDB client `mongocxx::pool(...)` {{.*}} [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:3: warning: MongoDB client `mongocxx::pool(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES-UNSAFE: static mongocxx::pool pool{mongocxx::uri{"mongodb://db.internal"}};
  auto entry = pool.acquire();

  auto shared = gPool->acquire(); // a client of the pool made in main(): quiet
  (*shared)["orders"];
  orders();
  return invocation_response::success("", "");
}

int main() {
  mongocxx::instance instance{}; // once per process, before any client: quiet
  mongocxx::pool pool{mongocxx::uri{"mongodb://db.internal"}};
  gPool = &pool;
  run_handler(handler);
  return 0;
}

// RUN: %check_lambda_lint %s connection-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// RUN: %check_lambda_lint --unsafe-fixes --check-suffix=UNSAFE %s connection-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
// hiredis and redis-plus-plus: a redis++ client connects on its first command (safe fix), a
// hiredis context and a RedisCluster connect when made (unsafe fix), an async context gets none.
#include <aws/lambda-runtime/runtime.h>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <sw/redis++/redis++.h>

#include <sys/time.h>

using namespace aws::lambda_runtime;

static const char* const kHost = "cache.internal";
static sw::redis::Redis gShared("tcp://cache.internal:6379"); // once per execution environment

static void cacheResult(invocation_request const& req) {
  sw::redis::Redis redis("tcp://cache.internal:6379");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Redis client `sw::redis::Redis(...)` is opened on every invocation in `cacheResult`, called from handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:3: warning: Redis client `sw::redis::Redis(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: static sw::redis::Redis redis("tcp://cache.internal:6379");
  // CHECK-FIXES-UNSAFE: static sw::redis::Redis redis("tcp://cache.internal:6379");
  redis.set(req.request_id, req.payload);

  sw::redis::RedisCluster cluster("tcp://cache.internal:7000");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Redis connection `sw::redis::RedisCluster(...)` is opened on every invocation in `cacheResult`, called from handler `handler`{{.*}} [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:3: warning: Redis connection `sw::redis::RedisCluster(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  sw::redis::RedisCluster cluster("tcp://cache.internal:7000");
  // CHECK-FIXES-UNSAFE: static sw::redis::RedisCluster cluster("tcp://cache.internal:7000");
  cluster.set(req.request_id, req.payload);
}

static invocation_response handler(invocation_request const& req) {
  redisContext* c = redisConnect(kHost, 6379);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: Redis connection `redisConnect(...)` is opened on every invocation in handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:21: warning: Redis connection `redisConnect(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  redisContext* c = redisConnect(kHost, 6379);
  // CHECK-FIXES-UNSAFE: static redisContext* c = redisConnect(kHost, 6379);
  freeReplyObject(redisCommand(c, "GET %s", req.request_id.c_str()));

  struct timeval timeout = {1, 500000};
  redisContext* timed = redisConnectWithTimeout(kHost, 6379, timeout);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: Redis connection `redisConnectWithTimeout(...)` {{.*}} [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:25: warning: Redis connection `redisConnectWithTimeout(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  redisContext* timed = redisConnectWithTimeout(kHost, 6379, timeout);
  // CHECK-FIXES-UNSAFE: {{^}}  redisContext* timed = redisConnectWithTimeout(kHost, 6379, timeout);
  redisFree(timed);

  redisContext* local = redisConnectUnix("/tmp/redis.sock");
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: Redis connection `redisConnectUnix(...)` {{.*}} [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:25: warning: Redis connection `redisConnectUnix(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  redisContext* local = redisConnectUnix("/tmp/redis.sock");
  // CHECK-FIXES-UNSAFE: static redisContext* local = redisConnectUnix("/tmp/redis.sock");
  freeReplyObject(redisCommand(local, "PING"));

  redisOptions options = {};
  redisContext* withOptions = redisConnectWithOptions(&options);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: Redis connection `redisConnectWithOptions(...)` {{.*}} [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:31: warning: Redis connection `redisConnectWithOptions(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  redisContext* withOptions = redisConnectWithOptions(&options);
  // CHECK-FIXES-UNSAFE: {{^}}  redisContext* withOptions = redisConnectWithOptions(&options);
  redisFree(withOptions);

  redisAsyncContext* async = redisAsyncConnect(kHost, 6379);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: Redis async connection `redisAsyncConnect(...)` {{.*}} [connection-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:30: warning: Redis async connection `redisAsyncConnect(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  redisAsyncContext* async = redisAsyncConnect(kHost, 6379);
  // CHECK-FIXES-UNSAFE: {{^}}  redisAsyncContext* async = redisAsyncConnect(kHost, 6379);
  redisAsyncCommand(async, nullptr, nullptr, "PING");

  static sw::redis::Redis lazy("tcp://cache.internal:6379"); // once, on first use: quiet
  gShared.get(req.request_id);
  lazy.get(req.request_id);
  cacheResult(req);
  return invocation_response::success("", "");
}

int main() {
  redisContext* once = redisConnect(kHost, 6379); // before run_handler: quiet
  sw::redis::Redis redis("tcp://cache.internal:6379");
  run_handler([&](invocation_request const& req) {
    freeReplyObject(redisCommand(once, "GET %s", req.request_id.c_str()));
    redis.get(req.request_id);
    return handler(req);
  });
  redisFree(once);
  return 0;
}

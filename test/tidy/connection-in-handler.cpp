// lambda-connection-in-handler through clang-tidy (the plugin).
// REQUIRES: lambda-tidy-plugin
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lambda-*' %s -- -std=c++17 -I%src_root/test/cpp/include 2>&1 | FileCheck %s --check-prefix=CHECK-MESSAGES --implicit-check-not='{{warning|error}}:'
// RUN: sed -e 's#// CHECK.*##' %s > %t.cpp
// --fix applies the safe fix only (CreateHttpClient makes no connection yet); the eager libpq
// connect is unsafe to keep across invocations, so its fix sits on a note that --fix-notes applies.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lambda-*' --fix %t.cpp -- -std=c++17 -I%src_root/test/cpp/include > %t.log 2>&1
// RUN: FileCheck %s --check-prefix=CHECK-FIXES --input-file=%t.cpp
// RUN: %clangxx -fsyntax-only -std=c++17 -I%src_root/test/cpp/include %t.cpp
// RUN: sed -e 's#// CHECK.*##' %s > %t.notes.cpp
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lambda-*' --fix-notes %t.notes.cpp -- -std=c++17 -I%src_root/test/cpp/include > %t.notes.log 2>&1
// RUN: FileCheck %s --check-prefix=CHECK-NOTE-FIXES --input-file=%t.notes.cpp
// RUN: %clangxx -fsyntax-only -std=c++17 -I%src_root/test/cpp/include %t.notes.cpp
// CHECK-FIXES: {{^}}  PGconn* pg = PQconnectdb("host=db dbname=app");
// CHECK-FIXES: {{^}}  static auto http = Aws::Http::CreateHttpClient(Aws::Client::ClientConfiguration());
// CHECK-NOTE-FIXES: {{^}}  static PGconn* pg = PQconnectdb("host=db dbname=app");
#include <aws/lambda-runtime/runtime.h>
#include <aws/core/http/HttpClientFactory.h>
#include <libpq-fe.h>
#include <mysql/mysql.h>

using namespace aws::lambda_runtime;

static invocation_response handle(invocation_request const& req) {
  PGconn* pg = PQconnectdb("host=db dbname=app");
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: {{.*}}PQconnectdb
// CHECK-MESSAGES: :[[@LINE-2]]:16: note: unsafe fix: Make `pg` a function-local `static` (created once, on first use)
  MYSQL* my = mysql_init(nullptr);
  mysql_real_connect(my, "db", "app", "secret", "app", 3306, nullptr, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}mysql_real_connect
  auto http = Aws::Http::CreateHttpClient(Aws::Client::ClientConfiguration());
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: {{.*}}CreateHttpClient
  PGconn* quiet = PQconnectdb("host=db"); // NOLINT(lambda-connection-in-handler)
  // NOLINTNEXTLINE(lambda-*)
  PGconn* quieter = PQconnectdb("host=db");
  (void)pg; (void)http; (void)quiet; (void)quieter;
  return invocation_response::success(req.payload, "application/json");
}

int main() {
  run_handler(handle);
  return 0;
}

// RUN: %check_lambda_lint --no-fix %s connection-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include-pqxx6 --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
// libpqxx 6 and older: connection, lazyconnection and asyncconnection are aliases of
// pqxx::basic_connection<POLICY>, which is what the AST names. (--no-fix: the fixed file would
// be compiled against test/cpp/include, whose pqxx is libpqxx 7.)
#include <aws/lambda-runtime/runtime.h>
#include <pqxx/pqxx>

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const& req) {
  pqxx::connection direct("host=db.internal dbname=orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: PostgreSQL connection `pqxx::connection(...)` is opened on every invocation in handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  pqxx::lazyconnection lazy("host=db.internal dbname=orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: PostgreSQL connection `pqxx::lazyconnection(...)` {{.*}} [connection-in-handler]
  pqxx::asyncconnection async("host=db.internal dbname=orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: PostgreSQL connection `pqxx::asyncconnection(...)` {{.*}} [connection-in-handler]
  direct.is_open();
  lazy.is_open();
  async.is_open();
  return invocation_response::success("", "");
}

int main() {
  pqxx::connection once("host=db.internal dbname=orders"); // before run_handler: quiet
  run_handler(handler);
  return 0;
}

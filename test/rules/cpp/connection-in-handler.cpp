// RUN: %check_lambda_lint --unsafe-fixes %s connection-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
#include <aws/core/http/HttpClientFactory.h>
#include <aws/lambda-runtime/runtime.h>
#include <libpq-fe.h>
#include <mysql/mysql.h>
#include <pqxx/pqxx>

using namespace aws::lambda_runtime;

static Aws::Client::ClientConfiguration gConfig;
static const char* const kConnInfo = "host=db dbname=orders";

static invocation_response handler(invocation_request const& req) {
  PGconn* pg = PQconnectdb(kConnInfo);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: PostgreSQL connection `PQconnectdb(...)` is opened on every invocation in handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  // CHECK-FIXES: static PGconn* pg = PQconnectdb(kConnInfo);
  PQexec(pg, "select 1");

  PGconn* closed = PQconnectdb(req.payload.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: note: PostgreSQL connection `PQconnectdb(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  PGconn* closed = PQconnectdb(req.payload.c_str());
  PQfinish(closed);

  pqxx::connection cx(kConnInfo);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: PostgreSQL connection `pqxx::connection(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: static pqxx::connection cx(kConnInfo);
  pqxx::work tx(cx);
  tx.exec("select 1");

  pqxx::connection closedCx(kConnInfo);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: PostgreSQL connection `pqxx::connection(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  pqxx::connection closedCx(kConnInfo);
  closedCx.close();

  MYSQL* db = mysql_init(nullptr);
  MYSQL* conn = mysql_real_connect(db, "host", "user", "pw", "orders", 3306, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: MySQL connection `mysql_real_connect(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: static MYSQL* conn = mysql_real_connect(db, "host", "user", "pw", "orders", 3306, nullptr, 0);
  mysql_query(conn, "select 1");

  auto http = Aws::Http::CreateHttpClient(gConfig);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: HTTP client `Aws::Http::CreateHttpClient(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: static auto http = Aws::Http::CreateHttpClient(gConfig);
  return invocation_response::success("", "");
}

int main() {
  run_handler(handler);
  return 0;
}

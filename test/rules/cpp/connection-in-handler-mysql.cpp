// RUN: %check_lambda_lint --unsafe-fixes %s connection-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
// MySQL Connector/C++: the legacy JDBC-style API and the X DevAPI. Both connect when called, so
// the fixes are unsafe. A session taken from a client pool made once is not reported.
#include <aws/lambda-runtime/runtime.h>
#include <cppconn/driver.h>
#include <mysql_driver.h>
#include <mysqlx/xdevapi.h>

#include <memory>

using namespace aws::lambda_runtime;

static const char* const kUrl = "mysqlx://app@db.internal/orders";
static mysqlx::Client gPool(kUrl); // once per execution environment

static unsigned long countOrders() {
  mysqlx::Session session = mysqlx::getSession(kUrl);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: MySQL connection `mysqlx::getSession(...)` is opened on every invocation in `countOrders`, called from handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  // CHECK-FIXES: static mysqlx::Session session = mysqlx::getSession(kUrl);
  return session.sql("SELECT COUNT(*) FROM orders").execute().count();
}

static invocation_response handler(invocation_request const& req) {
  sql::mysql::MySQL_Driver* driver = sql::mysql::get_mysql_driver_instance(); // a singleton: quiet
  sql::Connection* legacy = driver->connect("tcp://db.internal:3306", "app", "secret");
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: MySQL connection `driver->connect(...)` is opened on every invocation in handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  // CHECK-FIXES: static sql::Connection* legacy = driver->connect("tcp://db.internal:3306", "app", "secret");
  legacy->setSchema("orders");

  std::unique_ptr<sql::Connection> owned(get_driver_instance()->connect("tcp://db.internal:3306", "app", req.payload));
  // CHECK-MESSAGES: :[[@LINE-1]]:42: note: MySQL connection `get_driver_instance()->connect(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  std::unique_ptr<sql::Connection> owned(get_driver_instance()->connect("tcp://db.internal:3306", "app", req.payload));
  owned->createStatement();

  sql::Connection* closed = driver->connect("tcp://db.internal:3306", "app", "secret");
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: MySQL connection `driver->connect(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: {{^}}  sql::Connection* closed = driver->connect("tcp://db.internal:3306", "app", "secret");
  closed->close();
  delete closed;

  mysqlx::Client pool(kUrl);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MySQL client pool `mysqlx::Client(...)` {{.*}} [connection-in-handler]
  // CHECK-FIXES: static mysqlx::Client pool(kUrl);
  mysqlx::Session fromLocalPool = pool.getSession();

  mysqlx::Session pooled = gPool.getSession(); // a session of the shared pool: quiet
  mysqlx::Session alsoPooled(gPool);           // the same, through the constructor: quiet
  pooled.sql("SELECT 1").execute();
  alsoPooled.sql("SELECT 1").execute();
  countOrders();
  return invocation_response::success("", "");
}

int main() {
  mysqlx::Session session = mysqlx::getSession(kUrl); // before run_handler: quiet
  run_handler(handler);
  session.close();
  return 0;
}

#pragma once
// Test stub of MySQL Connector/C++'s legacy driver header (declarations only).
#include <cppconn/driver.h>

namespace sql {
namespace mysql {

class MySQL_Driver : public sql::Driver {
public:
  sql::Connection* connect(const sql::SQLString& hostName, const sql::SQLString& userName,
                           const sql::SQLString& password) override;
  void threadInit() override;
  void threadEnd() override;
};

MySQL_Driver* get_mysql_driver_instance();
static inline MySQL_Driver* get_driver_instance() { return get_mysql_driver_instance(); }

} // namespace mysql
} // namespace sql

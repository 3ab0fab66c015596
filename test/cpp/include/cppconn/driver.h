#pragma once
// Test stub of MySQL Connector/C++'s legacy JDBC-style API (declarations only).
#include <string>

namespace sql {

using SQLString = std::string;

class ResultSet {
public:
  virtual ~ResultSet() {}
  virtual bool next() = 0;
};

class Statement {
public:
  virtual ~Statement() {}
  virtual ResultSet* executeQuery(const SQLString& sql) = 0;
};

class Connection {
public:
  virtual ~Connection() {}
  virtual Statement* createStatement() = 0;
  virtual void setSchema(const SQLString& catalog) = 0;
  virtual void close() = 0;
  virtual bool isClosed() = 0;
  virtual bool isValid() = 0;
  virtual bool reconnect() = 0;
};

class Driver {
protected:
  virtual ~Driver() {}

public:
  virtual Connection* connect(const SQLString& hostName, const SQLString& userName,
                              const SQLString& password) = 0;
  virtual void threadInit() = 0;
  virtual void threadEnd() = 0;
};

} // namespace sql

extern "C" {
sql::Driver* get_driver_instance();
}

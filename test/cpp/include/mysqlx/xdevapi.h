#pragma once
// Test stub of MySQL Connector/C++ X DevAPI (declarations only). The classes sit in inline ABI
// namespaces, as in the real headers.
#include <string>
#include <utility>

namespace mysqlx {
inline namespace abi2 {
inline namespace r0 {

class Client;

class SessionSettings {
public:
  SessionSettings(const std::string& uri);
  SessionSettings(const std::string& host, unsigned port, const std::string& user,
                  const char* pwd = nullptr, const std::string& db = std::string());
};

class ClientSettings {
public:
  ClientSettings(const std::string& uri);
  ClientSettings(const std::string& uri, const std::string& options);
};

class SqlResult {
public:
  unsigned long count();
};

class SqlStatement {
public:
  SqlResult execute();
};

class Session {
public:
  Session(SessionSettings settings);
  template <typename... T> Session(T... options) : Session(SessionSettings(options...)) {}
  Session(Session&& other);
  Session(Client& client);
  ~Session();

  SqlStatement sql(const std::string& query);
  void close();
};

class Client {
public:
  Client(ClientSettings settings);
  template <typename... T> Client(T... options) : Client(ClientSettings(options...)) {}
  Client(Client&& other);
  ~Client();

  Session getSession();
  void close();
};

template <typename... T> Session getSession(T... args) { return Session(args...); }
template <typename... T> Client getClient(T... args) { return Client(args...); }

} // namespace r0
} // namespace abi2
} // namespace mysqlx

#pragma once
// Test stub of mongocxx (declarations only).
#include <string>

#include <mongocxx/uri.hpp>

namespace mongocxx {
namespace v_noabi {

class database {
public:
  std::string name() const;
};

class client {
public:
  client() noexcept;
  explicit client(const mongocxx::v_noabi::uri& mongodb_uri);
  client(client&&) noexcept;
  client& operator=(client&&) noexcept;
  ~client();

  explicit operator bool() const noexcept;
  database operator[](const std::string& name) const;
};

} // namespace v_noabi
using ::mongocxx::v_noabi::client;
using ::mongocxx::v_noabi::database;
} // namespace mongocxx

#pragma once
// Test stub of mongocxx (declarations only).
#include <memory>

#include <mongocxx/client.hpp>
#include <mongocxx/uri.hpp>

namespace mongocxx {
namespace v_noabi {

class pool {
public:
  explicit pool(const uri& mongodb_uri = mongocxx::v_noabi::uri());
  ~pool();

  using entry = std::unique_ptr<client, void (*)(client*)>;
  entry acquire();
};

} // namespace v_noabi
using ::mongocxx::v_noabi::pool;
} // namespace mongocxx

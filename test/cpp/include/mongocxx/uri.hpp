#pragma once
// Test stub of mongocxx (declarations only). Since mongocxx 3.9 the classes live in the
// non-inline namespace mongocxx::v_noabi and are brought into mongocxx by using-declarations.
#include <string>

namespace mongocxx {
namespace v_noabi {

class uri {
public:
  static const std::string k_default_uri;
  uri(const std::string& uri_string = k_default_uri);
  uri(uri&&) noexcept;
  ~uri();
};

} // namespace v_noabi
using ::mongocxx::v_noabi::uri;
} // namespace mongocxx

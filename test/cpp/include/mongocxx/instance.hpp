#pragma once
// Test stub of mongocxx (declarations only).
namespace mongocxx {
namespace v_noabi {

class instance {
public:
  instance();
  instance(instance&&) noexcept;
  instance& operator=(instance&&) noexcept;
  ~instance();
  static instance& current();
};

} // namespace v_noabi
using ::mongocxx::v_noabi::instance;
} // namespace mongocxx

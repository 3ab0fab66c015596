#include "checks/Check.h"

namespace ll {

// The checks, in the order of the rule index in docs/README.md (cmake/CheckList.cmake generates
// CheckList.inc from it); each factory is defined in the rule's own file.
#define LAMBDA_LINT_CHECK(Name) std::unique_ptr<Check> make##Name();
#include "CheckList.inc"
#undef LAMBDA_LINT_CHECK

const std::vector<std::unique_ptr<Check>>& allChecks() {
  static const std::vector<std::unique_ptr<Check>> checks = [] {
    std::vector<std::unique_ptr<Check>> v;
#define LAMBDA_LINT_CHECK(Name) v.push_back(make##Name());
#include "CheckList.inc"
#undef LAMBDA_LINT_CHECK
    return v;
  }();
  return checks;
}

const Check* findCheck(std::string_view id) {
  for (const auto& c : allChecks())
    if (c->info().id == id) return c.get();
  return nullptr;
}

} // namespace ll

#pragma once
// The shared engine of the *-in-handler rules: calls of one catalogue kind that run on every
// invocation, reported with the path from the handler and a fix from the language's editor.
#include "checks/Check.h"

#include <string_view>

namespace ll {

enum class FixStrategy {
  HoistOrLazyGetter, // safe hoist to module scope, else an unsafe lazy getter
  LazyLoader,        // an unsafe lazy loader with a module-level cache
};

struct PerInvocationRule {
  const RuleInfo& info;
  std::string_view kind;  // catalogue kind
  /// Message template: "{label}" is the catalogue label, "{callee}" the call as written,
  /// "{where}" where it runs ("in handler `h`" / "in `f`, called from handler `h`").
  std::string_view message;
  FixStrategy fix;
};

void reportPerInvocationCalls(const CheckContext& ctx, const PerInvocationRule& rule,
                              std::vector<Finding>& out);

} // namespace ll

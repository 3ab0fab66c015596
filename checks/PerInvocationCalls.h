#pragma once
// The shared engine of the *-in-handler rules: calls of one catalogue kind that run on every
// invocation, reported with the path from the handler and a fix from the language's editor.
#include "checks/Check.h"

#include <string_view>

namespace ll {

enum class FixStrategy {
  HoistOrLazyGetter, // safe hoist to module scope, else an unsafe lazy getter
  LazyLoader,        // an unsafe lazy loader with a module-level cache
  None,              // report only (e.g. Aws::InitAPI: where it belongs is not one edit away)
};

struct PerInvocationRule {
  const RuleInfo& info;
  std::string_view kind;  // catalogue kind
  /// Message template: "{label}" is the catalogue label, "{callee}" the call as written,
  /// "{where}" where it runs ("in handler `h`" / "in `f`, called from handler `h`"), "{once}"
  /// where code that runs once per execution environment goes in the file's language ("at
  /// module scope"; C++: "(in `main()` before `run_handler`, or as a function-local `static`)").
  std::string_view message;
  FixStrategy fix;
  /// A catalogue kind of calls that write what this rule's calls read (`config-write`): a
  /// matched call is left alone when the same handler also writes the same store (its label
  /// without the last word: "SSM Parameter Store fetch" / "SSM Parameter Store write"), since
  /// what it reads is then data the function changes, not configuration to cache.
  std::string_view writeKind = {};
};

void reportPerInvocationCalls(const CheckContext& ctx, const PerInvocationRule& rule,
                              std::vector<Finding>& out);

} // namespace ll

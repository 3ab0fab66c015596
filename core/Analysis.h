#pragma once
// Which code runs on every invocation: the handlers and every same-file function they reach
// through non-lazy calls, stopping at memoised functions. Computed once per module and shared by
// all checks.
#include "core/Model.h"

#include <vector>

namespace ll {

class InvocationAnalysis {
public:
  explicit InvocationAnalysis(const Module& m);

  /// True when function `f` runs on every invocation (a handler or reached from one).
  bool perInvocation(int f) const { return f >= 0 && reached_[f]; }
  /// True when `call` runs on every invocation: it sits in per-invocation code and is not
  /// guarded by a module-level cache.
  bool perInvocation(const Call& call) const { return !call.lazy && perInvocation(call.function); }
  /// Calls from the nearest handler to function `f`: empty for a handler itself.
  std::vector<int> callPath(int f) const;
  /// The handler a per-invocation function is reached from.
  int handlerOf(int f) const;

private:
  const Module& module_;
  std::vector<bool> reached_;
  std::vector<int> viaCall_; // call that first reached each function, -1 for handlers
};

} // namespace ll

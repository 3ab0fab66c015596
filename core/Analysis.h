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

  /// True when function `f` runs on every invocation whatever the event: a handler that is not
  /// a route, or a function such a handler calls on its unconditional path, transitively.
  bool everyInvocation(int f) const { return f >= 0 && every_[f]; }
  /// True when function `f` runs during Init: called from module scope, transitively.
  bool atInit(int f) const { return f >= 0 && init_[f]; }
  /// True when function `f` is called by lazy initialisation (a call that runs only while a
  /// module-level cache is empty), transitively: it runs once per execution environment, on
  /// the first invocation that needs it, like Init.
  bool lazyInit(int f) const { return f >= 0 && lazy_[f]; }
  /// True when the file has an entry point (a handler or route).
  bool hasHandlers() const { return hasHandlers_; }

private:
  const Module& module_;
  std::vector<bool> reached_;
  std::vector<int> viaCall_; // call that first reached each function, -1 for handlers
  std::vector<bool> every_;
  std::vector<bool> init_;
  std::vector<bool> lazy_;
  bool hasHandlers_ = false;
};

} // namespace ll

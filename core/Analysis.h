#pragma once
// Which code runs on every invocation: the handlers and every same-file function they reach
// through non-lazy calls, stopping at memoised functions. Computed once per module and shared by
// all checks. With the project's facts (core/Project.h), functions that handlers in other files
// reach count too, and so does Init or lazy initialisation that starts in another file.
#include "core/Model.h"
#include "core/Project.h"

#include <vector>

namespace ll {

class InvocationAnalysis {
public:
  /// `facts`: what the rest of the project tells about this file (null: the file alone).
  explicit InvocationAnalysis(const Module& m, const ProjectFacts* facts = nullptr);

  /// True when function `f` runs on every invocation (a handler or reached from one).
  bool perInvocation(int f) const { return f >= 0 && reached_[f]; }
  /// True when `call` runs on every invocation: it sits in per-invocation code and is not
  /// guarded by a module-level cache.
  bool perInvocation(const Call& call) const { return !call.lazy && perInvocation(call.function); }
  /// Calls from the nearest handler to function `f`: empty for a handler itself.
  std::vector<int> callPath(int f) const;
  /// The handler a per-invocation function is reached from; for a function that a handler in
  /// another file reaches, the function of this file the way enters by (see externalEntry).
  int handlerOf(int f) const;
  /// How the way from a handler in another file enters function `f` of this file; null when
  /// `f` is not entered from another file (a handler of this file, or not reached at all).
  const ExternalEntry* externalEntry(int f) const;

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
  /// True when the file is Lambda code: it has an entry point, or a handler in another file
  /// of the project reaches one of its functions.
  bool lambdaCode() const { return hasHandlers_ || !external_.empty(); }

private:
  const Module& module_;
  std::vector<bool> reached_;
  std::vector<int> viaCall_; // call that first reached each function, -1 for handlers
  std::vector<bool> every_;
  std::vector<bool> init_;
  std::vector<bool> lazy_;
  std::vector<const ExternalEntry*> externalByFunction_;
  std::vector<int> external_; // functions entered from another file
  bool hasHandlers_ = false;
};

} // namespace ll

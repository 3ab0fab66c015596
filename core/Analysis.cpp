#include "core/Analysis.h"

#include <algorithm>
#include <deque>

namespace ll {

InvocationAnalysis::InvocationAnalysis(const Module& m, const ProjectFacts* facts)
    : module_(m), reached_(m.functions.size(), false), viaCall_(m.functions.size(), -1),
      externalByFunction_(m.functions.size(), nullptr) {
  // What other files of the project say about this file's functions.
  std::vector<const ProjectFacts::Entered*> entered(m.functions.size(), nullptr);
  if (facts && !facts->empty())
    for (size_t f = 0; f < m.functions.size(); ++f)
      if (auto it = facts->functions.find(m.functions[f].qualifiedName); it != facts->functions.end())
        entered[f] = &it->second;
  // Calls grouped by the function they sit in, so the search visits each edge once.
  std::vector<std::vector<int>> callsIn(m.functions.size());
  for (size_t i = 0; i < m.calls.size(); ++i) {
    const Call& c = m.calls[i];
    if (c.function >= 0 && c.target >= 0 && !c.lazy) callsIn[c.function].push_back(int(i));
  }
  std::deque<int> queue;
  for (size_t f = 0; f < m.functions.size(); ++f) {
    if (m.functions[f].isHandler) {
      reached_[f] = true;
      queue.push_back(int(f));
    }
  }
  for (size_t f = 0; f < m.functions.size(); ++f) {
    if (reached_[f] || !entered[f] || !entered[f]->invocation) continue;
    reached_[f] = true;
    queue.push_back(int(f));
    if (entered[f]->entry >= 0 && size_t(entered[f]->entry) < facts->entries.size()) {
      externalByFunction_[f] = &facts->entries[size_t(entered[f]->entry)];
      external_.push_back(int(f));
    }
  }
  // Breadth-first, so the recorded path from a handler is a shortest one.
  while (!queue.empty()) {
    int f = queue.front();
    queue.pop_front();
    for (int ci : callsIn[f]) {
      int t = m.calls[ci].target;
      // A memoised function's body runs once per argument set, not once per invocation.
      if (reached_[t] || m.functions[t].memoized) continue;
      reached_[t] = true;
      viaCall_[t] = ci;
      queue.push_back(t);
    }
  }
  // A nested function defined in per-invocation code and never called is not reached; a nested
  // function that is called is reached through its call above.

  // Every invocation: non-route handlers and what they call unconditionally (a callback passed
  // unconditionally counts: `records.forEach(process)`).
  every_.assign(m.functions.size(), false);
  std::vector<int> work;
  for (size_t f = 0; f < m.functions.size(); ++f) {
    if (m.functions[f].isHandler) hasHandlers_ = true;
    if ((m.functions[f].isHandler && !m.functions[f].isRoute) || (entered[f] && entered[f]->every)) {
      every_[f] = true;
      work.push_back(int(f));
    }
  }
  while (!work.empty()) {
    int f = work.back();
    work.pop_back();
    for (int ci : callsIn[f]) {
      const Call& c = m.calls[ci];
      if (!c.unconditional || every_[c.target]) continue;
      every_[c.target] = true;
      work.push_back(c.target);
    }
  }
  // Init: whatever module scope calls, lazily or not, and what that calls.
  init_.assign(m.functions.size(), false);
  for (size_t f = 0; f < m.functions.size(); ++f)
    if (entered[f] && entered[f]->init && !init_[f]) {
      init_[f] = true;
      work.push_back(int(f));
    }
  for (const Call& c : m.calls)
    if (c.function < 0 && c.target >= 0 && !c.referenceOnly && !init_[c.target]) {
      init_[c.target] = true;
      work.push_back(c.target);
    }
  std::vector<std::vector<int>> allCallsIn(m.functions.size());
  for (size_t i = 0; i < m.calls.size(); ++i)
    if (m.calls[i].function >= 0 && m.calls[i].target >= 0 && !m.calls[i].referenceOnly)
      allCallsIn[m.calls[i].function].push_back(int(i));
  auto spread = [&](std::vector<bool>& mark) {
    while (!work.empty()) {
      int f = work.back();
      work.pop_back();
      for (int ci : allCallsIn[f]) {
        int t = m.calls[ci].target;
        if (mark[t]) continue;
        mark[t] = true;
        work.push_back(t);
      }
    }
  };
  spread(init_);
  // Lazy initialisation: what a call guarded by a module-level cache runs, transitively.
  lazy_.assign(m.functions.size(), false);
  for (size_t f = 0; f < m.functions.size(); ++f)
    if (entered[f] && entered[f]->lazy && !lazy_[f]) {
      lazy_[f] = true;
      work.push_back(int(f));
    }
  for (const Call& c : m.calls)
    if (c.lazy && c.target >= 0 && !c.referenceOnly && !lazy_[c.target]) {
      lazy_[c.target] = true;
      work.push_back(c.target);
    }
  spread(lazy_);
}

std::vector<int> InvocationAnalysis::callPath(int f) const {
  std::vector<int> path;
  while (f >= 0 && viaCall_[f] >= 0) {
    int c = viaCall_[f];
    path.push_back(c);
    f = module_.calls[c].function;
    if (path.size() > module_.functions.size()) break; // defensive: never loop
  }
  std::reverse(path.begin(), path.end());
  return path;
}

const ExternalEntry* InvocationAnalysis::externalEntry(int f) const {
  return f >= 0 && size_t(f) < externalByFunction_.size() ? externalByFunction_[f] : nullptr;
}

int InvocationAnalysis::handlerOf(int f) const {
  while (f >= 0 && viaCall_[f] >= 0) f = module_.calls[viaCall_[f]].function;
  return f;
}

} // namespace ll

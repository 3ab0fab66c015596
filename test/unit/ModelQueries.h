#pragma once
// Queries over a lowered Module that the frontend unit tests share.
#include "core/Model.h"

#include <string>
#include <string_view>
#include <vector>

namespace ll::test {

/// The first call (not a mere function reference) to `callee`, or null.
inline const Call* findCall(const Module& m, std::string_view callee) {
  for (const Call& c : m.calls)
    if (c.callee == callee && !c.referenceOnly) return &c;
  return nullptr;
}

/// The callees of all calls, in order, references left out.
inline std::vector<std::string> callees(const Module& m) {
  std::vector<std::string> out;
  for (const Call& c : m.calls)
    if (!c.referenceOnly) out.push_back(c.callee);
  return out;
}

/// Index of the function with this qualified name, or -1.
inline int functionNamed(const Module& m, std::string_view name) {
  for (size_t i = 0; i < m.functions.size(); ++i)
    if (m.functions[i].qualifiedName == name) return static_cast<int>(i);
  return -1;
}

} // namespace ll::test

#pragma once
// Queries over a lowered Module that the frontend unit tests share.
#include "core/Diagnostic.h"
#include "core/Model.h"

#include <algorithm>

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

/// Index of the module-scope import that binds `local`, or -1.
inline int importBinding(const Module& m, std::string_view local) {
  for (size_t i = 0; i < m.imports.size(); ++i)
    if (m.imports[i].local == local && m.imports[i].function < 0) return static_cast<int>(i);
  return -1;
}

/// The recorded uses of the module-scope import that binds `local`, in source order.
inline std::vector<NameUse> importUses(const Module& m, std::string_view local) {
  std::vector<NameUse> out;
  const int i = importBinding(m, local);
  for (const NameUse& u : m.uses)
    if (i >= 0 && u.import == i) out.push_back(u);
  return out;
}

/// 1-based line of a block's insert point, 0 when nothing can be inserted there.
inline uint32_t insertLine(const Module& m, int block) {
  const Block& b = m.blocks.at(block);
  return b.insertAt == Block::kNoInsert ? 0 : m.file->position(b.insertAt).line;
}

/// The module's text with a fix's edits applied.
inline std::string applied(const Module& m, const Fix& fix) {
  std::string text(m.file->text());
  std::vector<Edit> edits = fix.edits;
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.range.begin > b.range.begin; });
  for (const Edit& e : edits) text.replace(e.range.begin, e.range.end - e.range.begin, e.text);
  return text;
}

/// Qualified names of the functions the frontend took for handlers, sorted.
inline std::vector<std::string> handlers(const Module& m) {
  std::vector<std::string> out;
  for (const Function& f : m.functions)
    if (f.isHandler) out.push_back(f.qualifiedName);
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace ll::test

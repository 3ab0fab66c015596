#include "core/EditorSupport.h"

#include "core/Strings.h"

#include <cctype>

namespace ll {

const Statement* movableStatement(const Module& m, const Call& call) {
  if (call.function < 0 || call.statement < 0 || !call.hoistable) return nullptr;
  const Statement& s = m.statements[call.statement];
  const bool whole = s.call >= 0 && &m.calls[s.call] == &call;
  if (!whole || s.assignedName.empty() || !s.inFunctionBody || !s.assignedOnce ||
      s.lines.empty() || s.released)
    return nullptr;
  return &s;
}

std::string statementText(const Module& m, const Statement& s) {
  std::string_view text = m.file->text();
  uint32_t end = s.lines.end;
  while (end > s.range.begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return std::string(text.substr(s.range.begin, end - s.range.begin));
}

std::optional<Fix> reuseModuleBinding(const Module& m, const Call& call, const Statement& s,
                                      Edit removal) {
  auto it = m.moduleNames.find(s.assignedName);
  if (it == m.moduleNames.end()) return std::nullopt;
  Fix fix;
  if (it->second.valueText != m.text(call.range)) return fix; // bound to something else
  fix.applicability = Applicability::Safe;
  fix.description = "Reuse the module-level `" + s.assignedName + "` instead of creating it again";
  fix.edits.push_back(std::move(removal));
  return fix;
}

Fix lazyInitFix(const Module& m, const Call& call, LazyPurpose purpose, ByteRange replaced,
                std::string definitions, const std::string& cache, const std::string& getter) {
  const uint32_t at = m.functions[call.function].topLevelStart;
  Fix fix;
  fix.applicability = Applicability::Unsafe;
  fix.description = purpose == LazyPurpose::Client
                        ? "Create it once in `" + getter + "()`, cached at module level"
                        : "Load it once in `" + getter + "()`, cached at module level";
  fix.edits.push_back({{at, at}, std::move(definitions)});
  fix.edits.push_back({replaced, getter + "()"});
  fix.introduces = {cache, getter};
  return fix;
}

std::string uniqueModuleName(const Module& m, const std::string& base) {
  if (!m.moduleNames.contains(base)) return base;
  for (int i = 2;; ++i) {
    std::string candidate = base + "_" + std::to_string(i);
    if (!m.moduleNames.contains(candidate)) return candidate;
  }
}

namespace {
std::string identifierPart(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += lower(c);
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (!out.empty() && std::isdigit(static_cast<unsigned char>(out.front()))) out.insert(0, "v");
  return out;
}
} // namespace

std::string nameBaseForCall(const Module& m, const Call& call) {
  if (call.statement >= 0) {
    const Statement& s = m.statements[call.statement];
    if (s.call >= 0 && &m.calls[s.call] == &call && !s.assignedName.empty())
      return identifierPart(s.assignedName);
  }
  std::string_view callee = call.callee;
  size_t sep = callee.find_last_of(".:");
  std::string_view last = sep == std::string_view::npos ? callee : callee.substr(sep + 1);
  for (std::string_view prefix : {"get_", "create_", "make_", "new_"})
    if (last.starts_with(prefix)) last.remove_prefix(prefix.size());
  std::string base = identifierPart(last);
  if (base == "connect") base = "connection";
  if (!call.qualifier.empty()) base = identifierPart(call.qualifier) + "_" + base;
  return base.empty() ? "value" : base;
}

std::string abbreviate(std::string_view code, size_t max) {
  std::string_view first = code.substr(0, code.find('\n'));
  bool cut = first.size() < code.size();
  if (first.size() > max) {
    first = first.substr(0, max);
    cut = true;
  }
  std::string out(first);
  if (cut) out += "...";
  return out;
}

} // namespace ll

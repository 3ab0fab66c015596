#include "frontends/cpp/CppEditor.h"

namespace ll {

std::optional<Fix> CppEditor::hoistToModuleScope(const Module& /*m*/, const Call& /*call*/) const {
  return std::nullopt;
}

std::optional<Fix> CppEditor::lazyInitialize(const Module& m, const Call& call,
                                             LazyPurpose purpose) const {
  if (call.inMacro || call.function < 0 || call.statement < 0) return std::nullopt;
  if (purpose == LazyPurpose::Config && !call.hoistable) return std::nullopt;
  const Statement& s = m.statements[call.statement];
  const bool whole = s.call >= 0 && &m.calls[s.call] == &call;
  if (!whole || s.assignedName.empty() || s.released || s.function != call.function)
    return std::nullopt;
  // The statement starts with its declaration (`Aws::S3::S3Client`, `auto`, `const`): never
  // already `static`, `extern` or `thread_local` (the frontend records none of those).
  const std::string_view text = m.text(s.range);
  if (text.starts_with("static") || text.starts_with("thread_local")) return std::nullopt;
  Fix fix;
  fix.applicability = purpose == LazyPurpose::Client && call.hoistable ? Applicability::Safe
                                                                       : Applicability::Unsafe;
  fix.description = purpose == LazyPurpose::Client
                        ? "Make `" + s.assignedName + "` a function-local `static` (created once, on first use)"
                        : "Make `" + s.assignedName + "` a function-local `static` (fetched once, on first use)";
  fix.edits.push_back({ByteRange{s.range.begin, s.range.begin}, "static "});
  return fix;
}

std::optional<Fix> CppEditor::moveImport(const Module& /*m*/, const std::vector<int>& /*imports*/,
                                         const std::vector<int>& /*blocks*/, bool /*keepTypes*/) const {
  return std::nullopt;
}

std::optional<Fix> CppEditor::removeImport(const Module& /*m*/, const std::vector<int>& /*imports*/) const {
  return std::nullopt;
}

} // namespace ll

#include "frontends/Frontend.h"

#include <map>

namespace ll {

#ifndef LAMBDA_LINT_CPP
bool cppFrontendBuilt() { return false; }
std::string cppFrontendVersion() { return ""; }
#endif

void markNamedHandlers(Module& m, const FrontendOptions& options,
                       const std::function<bool(size_t)>& byPlainName,
                       const std::function<void(size_t, const std::string&)>& mark,
                       const std::function<bool(const std::string&)>& more) {
  for (const std::string& h : options.handlers) {
    bool found = more && more(h);
    for (size_t f = 0; f < m.functions.size(); ++f)
      if (m.functions[f].qualifiedName == h || (m.functions[f].name == h && byPlainName(f))) {
        mark(f, options.namedBy(h));
        found = true;
      }
    if (!found)
      m.notices.push_back({Level::Warning, m.file->path(), std::nullopt,
                           options.namer(h) + " names '" + h + "', which is not defined in this file"});
  }
}

void markSharedImportStatements(Module& m) {
  std::map<std::pair<uint32_t, uint32_t>, std::vector<size_t>> byStatement;
  for (size_t i = 0; i < m.imports.size(); ++i)
    byStatement[{m.imports[i].range.begin, m.imports[i].range.end}].push_back(i);
  for (const auto& [range, group] : byStatement)
    for (size_t i : group)
      if (m.imports[i].module != m.imports[group.front()].module)
        for (size_t j : group) m.imports[j].sharedStatement = true;
}

} // namespace ll

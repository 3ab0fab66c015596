#include "frontends/Frontend.h"

#include "frontends/javascript/JavaScriptEditor.h"
#include "frontends/python/PythonEditor.h"
#include "frontends/treesitter/TreeSitterUtil.h"
#ifdef LAMBDA_LINT_CPP
#include "frontends/cpp/CppEditor.h"
#include "frontends/cpp/CppFrontend.h"
#endif

#include <filesystem>
#include <map>

namespace ll {

std::optional<Language> languageForPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".py") return Language::Python;
  if (ext == ".js" || ext == ".mjs" || ext == ".cjs" || ext == ".jsx") return Language::JavaScript;
  if (ext == ".ts" || ext == ".mts" || ext == ".cts") return Language::TypeScript;
  if (ext == ".tsx") return Language::Tsx;
  // Recognised whether or not the C++ frontend is built, so a build without it says so.
  if (ext == ".cpp" || ext == ".cc" || ext == ".cxx") return Language::Cpp;
  return std::nullopt;
}

Module lower(Language language, std::shared_ptr<const SourceFile> file,
             const FrontendOptions& options) {
  switch (language) {
  case Language::Python:
    return lowerPython(std::move(file), options);
  case Language::JavaScript:
  case Language::TypeScript:
  case Language::Tsx:
    return lowerJavaScript(std::move(file), options, language);
#ifdef LAMBDA_LINT_CPP
  case Language::Cpp:
    return lowerCpp(std::move(file), options);
#else
  case Language::Cpp: {
    Module m;
    m.language = language;
    m.file = std::move(file);
    m.notices.push_back({Level::Note, m.file->path(), std::nullopt,
                         "C++ support was not built into this lambda-lint (configure with "
                         "-DLAMBDA_LINT_CPP=ON and LLVM/Clang 16 installed); skipped"});
    return m;
  }
#endif
  default: {
    Module m;
    m.language = language;
    m.file = std::move(file);
    m.notices.push_back({Level::Note, m.file->path(), std::nullopt,
                         std::string("no frontend for ") + languageName(language) + " files yet"});
    return m;
  }
  }
}

#ifndef LAMBDA_LINT_CPP
bool cppFrontendBuilt() { return false; }
std::string cppFrontendVersion() { return ""; }
#endif

bool parsesCleanly(Language language, const std::string& text) {
  const TSLanguage* lang = nullptr;
  switch (language) {
  case Language::Python: lang = tree_sitter_python(); break;
  case Language::JavaScript: lang = tree_sitter_javascript(); break;
  case Language::TypeScript: lang = tree_sitter_typescript(); break;
  case Language::Tsx: lang = tree_sitter_tsx(); break;
  // C++ needs the file's include paths and flags, which this function does not have: the fixer
  // verifies a C++ fix by re-lowering the fixed text with the file's compile arguments and
  // rejecting it when that reports errors (tool/Fixer.cpp).
  case Language::Cpp: return true;
  }
  ts::TreePtr tree = ts::parse(lang, text);
  return tree && !ts_node_has_error(ts_tree_root_node(tree.get()));
}

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

namespace {
/// For languages without an editor yet: offers no edits.
class NoEditor final : public Editor {
public:
  std::optional<Fix> hoistToModuleScope(const Module& /*m*/, const Call& /*call*/) const override {
    return std::nullopt;
  }
  std::optional<Fix> lazyInitialize(const Module& /*m*/, const Call& /*call*/,
                                    LazyPurpose /*purpose*/) const override {
    return std::nullopt;
  }
  std::optional<Fix> moveImport(const Module& /*m*/, const std::vector<int>& /*imports*/,
                                const std::vector<int>& /*blocks*/, bool /*keepTypes*/) const override {
    return std::nullopt;
  }
  std::optional<Fix> removeImport(const Module& /*m*/, const std::vector<int>& /*imports*/) const override {
    return std::nullopt;
  }
};
} // namespace

const Editor& editorFor(Language language) {
  static const PythonEditor python;
  static const JavaScriptEditor javascript;
  static const NoEditor none;
#ifdef LAMBDA_LINT_CPP
  static const CppEditor cpp;
  if (language == Language::Cpp) return cpp;
#endif
  switch (language) {
  case Language::Python: return python;
  case Language::JavaScript:
  case Language::TypeScript:
  case Language::Tsx: return javascript;
  default: return none;
  }
}

} // namespace ll

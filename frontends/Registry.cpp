#include "frontends/Registry.h"

#include "frontends/javascript/JavaScriptEditor.h"
#include "frontends/python/PythonEditor.h"
#include "frontends/treesitter/TreeSitterUtil.h"
#ifdef LAMBDA_LINT_CPP
#include "frontends/cpp/CppEditor.h"
#include "frontends/cpp/CppFrontend.h"
#endif

#include <filesystem>

namespace ll {

namespace {

/// For languages without an editor: offers no edits.
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

const Editor& noEditor() {
  static const NoEditor none;
  return none;
}
const Editor& pythonEditor() {
  static const PythonEditor python;
  return python;
}
const Editor& javascriptEditor() {
  static const JavaScriptEditor javascript;
  return javascript;
}

template <Language L> bool treeParsesCleanly(const std::string& text) {
  ts::TreePtr tree = ts::parse(ts::grammarFor(L), text);
  return tree && !ts_node_has_error(ts_tree_root_node(tree.get()));
}

Module lowerPythonFile(Language /*language*/, std::shared_ptr<const SourceFile> file,
                       const FrontendOptions& options) {
  return lowerPython(std::move(file), options);
}

Module lowerJavaScriptFile(Language language, std::shared_ptr<const SourceFile> file,
                           const FrontendOptions& options) {
  return lowerJavaScript(std::move(file), options, language);
}

#ifdef LAMBDA_LINT_CPP
Module lowerCppFile(Language /*language*/, std::shared_ptr<const SourceFile> file,
                    const FrontendOptions& options) {
  return lowerCpp(std::move(file), options);
}
const Editor& cppEditor() {
  static const CppEditor cpp;
  return cpp;
}
#else
/// C++ files are recognised whether or not the C++ frontend is built, so a build without it
/// says so.
Module lowerCppFile(Language language, std::shared_ptr<const SourceFile> file,
                    const FrontendOptions& /*options*/) {
  Module m;
  m.language = language;
  m.file = std::move(file);
  m.notices.push_back({Level::Note, m.file->path(), std::nullopt,
                       "C++ support was not built into this lambda-lint (configure with "
                       "-DLAMBDA_LINT_CPP=ON and LLVM/Clang 16 installed); skipped"});
  return m;
}
const Editor& cppEditor() { return noEditor(); }
#endif

} // namespace

const std::vector<LanguageFrontend>& languageFrontends() {
  static const std::vector<LanguageFrontend> table = {
      {Language::Python, {".py"}, &lowerPythonFile, &pythonEditor,
       &treeParsesCleanly<Language::Python>},
      {Language::JavaScript, {".js", ".mjs", ".cjs", ".jsx"}, &lowerJavaScriptFile, &javascriptEditor,
       &treeParsesCleanly<Language::JavaScript>},
      {Language::TypeScript, {".ts", ".mts", ".cts"}, &lowerJavaScriptFile, &javascriptEditor,
       &treeParsesCleanly<Language::TypeScript>},
      {Language::Tsx, {".tsx"}, &lowerJavaScriptFile, &javascriptEditor,
       &treeParsesCleanly<Language::Tsx>},
      // C++ needs the file's include paths and flags, which a parse check does not have: the
      // fixer verifies a C++ fix by re-lowering the fixed text with the file's compile
      // arguments and rejecting it when that reports errors (tool/Fixer.cpp).
      {Language::Cpp, {".cpp", ".cc", ".cxx"}, &lowerCppFile, &cppEditor,
       [](const std::string& /*text*/) { return true; }},
  };
  return table;
}

const LanguageFrontend* frontendFor(Language language) {
  for (const LanguageFrontend& f : languageFrontends())
    if (f.language == language) return &f;
  return nullptr;
}

std::optional<Language> languageForPath(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  for (const LanguageFrontend& f : languageFrontends())
    for (std::string_view e : f.extensions)
      if (ext == e) return f.language;
  return std::nullopt;
}

Module lower(Language language, std::shared_ptr<const SourceFile> file,
             const FrontendOptions& options) {
  if (const LanguageFrontend* f = frontendFor(language)) return f->lower(language, std::move(file), options);
  Module m;
  m.language = language;
  m.file = std::move(file);
  m.notices.push_back({Level::Note, m.file->path(), std::nullopt,
                       std::string("no frontend for ") + languageName(language) + " files yet"});
  return m;
}

const Editor& editorFor(Language language) {
  const LanguageFrontend* f = frontendFor(language);
  return f ? f->editor() : noEditor();
}

bool parsesCleanly(Language language, const std::string& text) {
  const LanguageFrontend* f = frontendFor(language);
  return !f || f->parsesCleanly(text);
}

} // namespace ll

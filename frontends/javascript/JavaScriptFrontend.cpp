// JavaScript and TypeScript frontend: the entry point (lowerJavaScript) and the order of the
// passes (JsLowering::run). The passes: frontends/javascript/JsLowering.h.
#include "frontends/javascript/JsLowering.h"

namespace ll {

namespace js {

JsLowering::JsLowering(std::shared_ptr<const SourceFile> file, const FrontendOptions& options,
                       Language language)
    : Lowering(std::move(file), options, language, "javascript"),
      wrapperRoots_(options.catalogue, "javascript", kind::WrapperRoot) {}

Module JsLowering::run() {
  if (looksMinified()) {
    m_.notices.push_back({Level::Note, m_.file->path(), std::nullopt,
                          "looks minified or generated; skipped (lambda-lint reads handler "
                          "source, not bundles)"});
    return std::move(m_);
  }
  tree_ = ts::parseModule(m_, ts::grammarFor(m_.language), languageLabel());
  if (!tree_) return std::move(m_);
  TSNode root = ts_tree_root_node(tree_.get());
  collectComments(root);
  scopes_.push_back(Scope{});
  scopes_.back().functionScope = true;
  thisStack_.push_back(Value{});
  collectModuleNames(root);
  collect(root, -1, -1, 0);
  bindModule(root);
  walkBlock(root, /*functionBody=*/false, /*scoped=*/false);
  resolveUses();
  finishStatements();
  identifyHandlers();
  recordExports();
  settleLazy();
  for (size_t f = 0; f < m_.functions.size() && f < extras_.size(); ++f)
    m_.functions[f].returned = extras_[f].returned;
  return std::move(m_);
}

const char* JsLowering::languageLabel() const {
  return m_.language == Language::JavaScript ? "JavaScript" : "TypeScript";
}

void JsLowering::collectComments(TSNode root) {
  std::vector<uint32_t> starts;
  for (size_t i = src_.find('/'); i != std::string_view::npos && i + 1 < src_.size();
       i = src_.find('/', i + 1))
    if (src_[i + 1] == '/' || src_[i + 1] == '*') starts.push_back(static_cast<uint32_t>(i));
  ts::collectComments(m_, root, "comment", starts);
}

bool JsLowering::looksMinified() const {
  const std::string& path = m_.file->path();
  if (path.ends_with(".min.js") || path.ends_with(".min.mjs") || path.ends_with(".min.cjs"))
    return true;
  std::string_view t = src_;
  if (t.find("__webpack_require__") != std::string_view::npos &&
      t.find("webpackBootstrap") != std::string_view::npos)
    return true;
  size_t start = 0;
  while (start < t.size()) {
    size_t end = t.find('\n', start);
    if (end == std::string_view::npos) end = t.size();
    const size_t len = end - start;
    if (len > 1000) {
      size_t spaces = 0, semicolons = 0;
      for (size_t i = start; i < end; ++i) {
        char c = t[i];
        if (c == ' ' || c == '\t') ++spaces;
        else if (c == ';') ++semicolons;
      }
      // Minified code: little whitespace (only where keywords need it) and a statement end
      // every few dozen characters; a long string, JSON or data literal has no semicolons.
      if (spaces * 10 < len && semicolons * 100 >= len) return true;
    }
    start = end + 1;
  }
  return false;
}

} // namespace js

Module lowerJavaScript(std::shared_ptr<const SourceFile> file, const FrontendOptions& options,
                       Language language) {
  return js::JsLowering(std::move(file), options, language).run();
}

} // namespace ll

#include "frontends/python/PythonEditor.h"

#include "core/EditorSupport.h"
#include "frontends/treesitter/TreeSitterUtil.h"

namespace ll {

namespace {

/// Removes a statement's lines; a block left empty gets `pass` so it stays valid Python.
Edit removeStatement(const Module& m, const Statement& s) {
  if (!s.onlyInBlock) return {s.lines, ""};
  std::string indent(m.file->indentationAt(s.range.begin));
  return {s.lines, indent + "pass\n"};
}

/// Inserts a module-level simple statement before the top-level definition starting at `at`:
/// right after the module-level statement above it when there is one (keeping assignments
/// together), otherwise on its own with the two blank lines PEP 8 puts around definitions.
Edit insertStatementBefore(const Module& m, uint32_t at, const std::string& code) {
  const SourceFile& f = *m.file;
  uint32_t line = f.position(at).line;
  auto blank = [](std::string_view l) { return l.find_first_not_of(" \t\r") == std::string_view::npos; };
  uint32_t k = line - 1;
  while (k >= 1 && blank(f.lineText(k))) --k;
  if (k >= 1 && k < line - 1) {
    std::string_view prev = f.lineText(k);
    const bool simple = !prev.empty() && prev[0] != ' ' && prev[0] != '\t' && prev[0] != '#' &&
                        prev[0] != '@' && !prev.starts_with("def ") && !prev.starts_with("async ") &&
                        !prev.starts_with("class ") && prev.back() != ':' && prev.back() != '\\';
    if (simple) {
      uint32_t after = f.lineEndWithNewline(k);
      bool hasNewline = after > 0 && f.text()[after - 1] == '\n';
      // Code after the imports is set off from them by a blank line.
      bool afterImport = prev.starts_with("import ") || prev.starts_with("from ");
      return {{after, after}, std::string(hasNewline ? "" : "\n") + (afterImport ? "\n" : "") + code + "\n"};
    }
  }
  return {{at, at}, code + "\n\n\n"};
}

} // namespace

std::optional<Fix> PythonEditor::hoistToModuleScope(const Module& m, const Call& call) const {
  const Statement* movable = movableStatement(m, call);
  if (!movable) return std::nullopt;
  const Statement& s = *movable;
  if (auto reuse = reuseModuleBinding(m, call, s, removeStatement(m, s)))
    return reuse->edits.empty() ? std::nullopt : reuse;
  const std::string code = statementText(m, s);
  Fix fix;
  fix.applicability = Applicability::Safe;
  const uint32_t at = m.functions[call.function].topLevelStart;
  fix.description = "Move `" + abbreviate(code) + "` to module scope";
  fix.edits.push_back(insertStatementBefore(m, at, code));
  fix.edits.push_back(removeStatement(m, s));
  fix.introduces.push_back(s.assignedName);
  return fix;
}

std::optional<Fix> PythonEditor::lazyInitialize(const Module& m, const Call& call,
                                                LazyPurpose purpose) const {
  // A coroutine can be awaited once and a context manager is entered around a block: caching
  // either would break the code.
  if (call.function < 0 || !call.hoistable || call.use != CallUse::Value) return std::nullopt;
  if (call.statement >= 0 && m.statements[call.statement].released &&
      &m.calls[m.statements[call.statement].call] == &call)
    return std::nullopt;
  const std::string base = nameBaseForCall(m, call);
  std::string cacheBase = "_";
  for (char c : base) cacheBase += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string cache = uniqueModuleName(m, cacheBase);
  const std::string getter =
      uniqueModuleName(m, (purpose == LazyPurpose::Client ? "_get_" : "_load_") + base);
  const std::string_view value = m.text(call.range);
  const char* doc = purpose == LazyPurpose::Client
                        ? "Create once per execution environment; reused on warm invocations."
                        : "Fetch once per execution environment; cached for later invocations.";
  std::string code;
  code += cache + " = None\n\n\n";
  code += "def " + getter + "():\n";
  const std::string quotes = R"(""")";
  code += "    " + quotes + doc + quotes + "\n";
  code += "    global " + cache + "\n";
  code += "    if " + cache + " is None:\n";
  code += "        " + cache + " = " + std::string(value) + "\n";
  code += "    return " + cache + "\n\n\n";
  return lazyInitFix(m, call, purpose, call.range, std::move(code), cache, getter);
}

std::optional<Fix> PythonEditor::moveImport(const Module& m, const std::vector<int>& imports,
                                            const std::vector<int>& blocks, bool /*keepTypes*/) const {
  if (imports.empty() || blocks.empty()) return std::nullopt;
  const Import& imp = m.imports[imports.front()];
  const ByteRange lines = ts::wholeLines(*m.file, imp.range, "#");
  if (lines.empty()) return std::nullopt; // shares its line with other code
  // The statement as written (a parenthesised or continued import keeps its shape: its
  // continuation lines do not depend on the indentation of the first).
  const std::string code(m.text(imp.range));
  Fix fix;
  fix.applicability = Applicability::Safe;
  std::string where;
  for (int b : blocks) {
    const Block& block = m.blocks[b];
    if (block.insertAt == Block::kNoInsert || block.function < 0) return std::nullopt;
    fix.edits.push_back({{block.insertAt, block.insertAt}, block.indent + code + "\n"});
    if (!where.empty()) where += ", ";
    where += (block.conditional ? "the branch of `" : "`") + m.functions[block.function].qualifiedName + "`" +
             (block.conditional ? " that uses it" : "");
  }
  fix.edits.push_back({lines, ""});
  fix.description = "Move `" + abbreviate(code) + "` into " + where;
  return fix;
}

std::optional<Fix> PythonEditor::removeImport(const Module& m, const std::vector<int>& imports) const {
  if (imports.empty()) return std::nullopt;
  const Import& imp = m.imports[imports.front()];
  const ByteRange lines = ts::wholeLines(*m.file, imp.range, "#");
  if (lines.empty()) return std::nullopt;
  Fix fix;
  fix.applicability = Applicability::Unsafe;
  fix.description = "Remove the unused `" + abbreviate(m.text(imp.range)) + "`";
  fix.edits.push_back({lines, ""});
  return fix;
}

} // namespace ll

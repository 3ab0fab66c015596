#include "frontends/javascript/JavaScriptEditor.h"

#include "core/EditorSupport.h"
#include "frontends/treesitter/TreeSitterUtil.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace ll {

namespace {

bool isIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// True if `name` occurs in `text` as a whole identifier.
bool occurs(std::string_view text, std::string_view name) {
  for (size_t pos = text.find(name); pos != std::string_view::npos; pos = text.find(name, pos + 1)) {
    const bool startOk = pos == 0 || !isIdentChar(text[pos - 1]);
    const size_t end = pos + name.size();
    const bool endOk = end >= text.size() || !isIdentChar(text[end]);
    if (startOk && endOk) return true;
  }
  return false;
}

bool freeName(const Module& m, const std::string& name) {
  return !m.moduleNames.contains(name) && !occurs(m.file->text(), name);
}

/// The indentation step of the file: the most common increase from one line to the next
/// (two spaces when nothing tells).
std::string indentUnit(const Module& m) {
  const SourceFile& f = *m.file;
  std::map<size_t, int> increases;
  int tabs = 0;
  size_t previous = 0;
  for (uint32_t line = 1; line <= f.lineCount(); ++line) {
    std::string_view t = f.lineText(line);
    size_t n = t.find_first_not_of(" \t");
    if (n == std::string_view::npos) continue;
    if (n > 0 && t[0] == '\t') ++tabs;
    if (t[0] == ' ' && n > previous) ++increases[n - previous];
    previous = n;
  }
  if (tabs > 0 && increases.empty()) return "\t";
  size_t best = 2;
  int count = 0;
  for (auto [step, c] : increases)
    if (c > count && step <= 8) {
      best = step;
      count = c;
    }
  // Braces would pick std::string's initializer-list constructor.
  return std::string(best, ' '); // NOLINT(modernize-return-braced-init-list)
}

/// Whether the file ends statements with semicolons (the "standard" style does not).
bool usesSemicolons(const Module& m) {
  const SourceFile& f = *m.file;
  int with = 0, without = 0;
  for (uint32_t line = 1; line <= f.lineCount(); ++line) {
    std::string_view t = f.lineText(line);
    size_t b = t.find_first_not_of(" \t");
    if (b == std::string_view::npos) continue;
    t = t.substr(b);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.remove_suffix(1);
    if (t.starts_with("//") || t.starts_with("*") || t.starts_with("/*") || t.starts_with("for")) continue;
    if (t.ends_with(";")) ++with;
    else if (t.starts_with("const ") || t.starts_with("let ") || t.starts_with("import ") ||
             t.starts_with("return ") || t.ends_with(")"))
      ++without;
  }
  return with > 0 || without == 0;
}

char quoteChar(const Module& m) {
  for (const Import& imp : m.imports) {
    std::string_view t = m.text(imp.range);
    size_t s = t.find_first_of("'\"");
    if (s != std::string_view::npos) return t[s];
  }
  return '"';
}

/// Moves `text` (whose first line started after `oldIndent`) to a place indented by
/// `newIndent`: later lines that start with `oldIndent` get `newIndent` instead. Text with a
/// template literal is left as it is (its line breaks may be part of a string).
std::string reindent(std::string_view text, std::string_view oldIndent, std::string_view newIndent) {
  if (text.find('`') != std::string_view::npos || text.find('\n') == std::string_view::npos)
    return std::string(text);
  std::string out;
  size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!first && line.starts_with(oldIndent) && line.find_first_not_of(" \t\r") != std::string_view::npos)
      out += std::string(newIndent) + std::string(line.substr(oldIndent.size()));
    else
      out += line;
    if (end == std::string_view::npos) break;
    out += '\n';
    start = end + 1;
    first = false;
  }
  return out;
}

int indexOf(const Module& m, const Call& call) { return static_cast<int>(&call - m.calls.data()); }

/// `S3Client` -> `s3Client`, `SSMClient` -> `ssmClient`, `SQS` -> `sqs`.
std::string lowerCamel(std::string_view s) {
  std::string out(s);
  size_t run = 0;
  while (run < out.size() && std::isupper(static_cast<unsigned char>(out[run]))) ++run;
  size_t lower = run == out.size() || run <= 1 ? run : run - 1;
  if (run > 1 && run < out.size() && !std::isalpha(static_cast<unsigned char>(out[run]))) lower = run;
  for (size_t i = 0; i < lower; ++i) out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
  return out;
}

std::string capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

bool isIdentifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), isIdentChar);
}

/// The last segment of a canonical name: `@aws-sdk/client-s3:S3Client` -> `S3Client`.
std::string_view lastSegment(std::string_view callee, std::string_view* before = nullptr) {
  while (callee.ends_with("()")) callee.remove_suffix(2);
  size_t sep = callee.find_last_of(".:/");
  if (before) *before = sep == std::string_view::npos ? std::string_view() : callee.substr(0, sep);
  return sep == std::string_view::npos ? callee : callee.substr(sep + 1);
}

/// A name for what `call` makes: the variable it is assigned to (`const param = await
/// ssm.send(...)` -> `param`), else its callee without `get`/`create`/`Command` (`S3Client` ->
/// `s3Client`, `GetSecretValueCommand` -> `secretValue`, `mysql.createPool` -> `pool`).
std::string nameBase(const Module& m, const Call& call, const Call& target) {
  if (target.statement >= 0) {
    const Statement& s = m.statements[target.statement];
    if (s.call == indexOf(m, target) && isIdentifier(s.assignedName)) return s.assignedName;
    if (s.range.begin <= target.range.begin && target.range.begin - s.range.begin < 200) {
      static const std::regex assigned(
          R"(^(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:await\s+)?$)");
      std::string head(m.text({s.range.begin, target.range.begin}));
      std::smatch match;
      if (std::regex_match(head, match, assigned)) return match[1];
    }
  }
  std::string_view before;
  std::string_view last = lastSegment(call.callee, &before);
  if (last == "from" || last == "create" || last == "connect" || last.empty()) {
    std::string_view owner = lastSegment(before);
    if (last == "connect") return "connection";
    if (!owner.empty()) last = owner;
  }
  std::string name(last);
  if (name.size() > 7 && name.ends_with("Command")) name.resize(name.size() - 7);
  for (std::string_view prefix : {"get", "Get", "create", "Create", "make", "Make", "new", "New",
                                  "fetch", "Fetch", "load", "Load"}) {
    if (name.size() > prefix.size() && name.starts_with(prefix) &&
        std::isupper(static_cast<unsigned char>(name[prefix.size()]))) {
      name.erase(0, prefix.size());
      break;
    }
  }
  if (name == "Connection" || name == "Client") name = lowerCamel(name);
  name = lowerCamel(name);
  std::string clean;
  for (char c : name)
    if (isIdentChar(c) && static_cast<unsigned char>(c) < 0x80) clean += c;
  if (clean.empty() || std::isdigit(static_cast<unsigned char>(clean[0]))) clean = "value" + clean;
  return clean;
}

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

/// `outer` is `x.send(<call>)`: `call` is its only argument.
bool isSendOf(const Module& m, const Call& outer, const Call& call) {
  if (outer.referenceOnly || outer.function != call.function || &outer == &call) return false;
  if (outer.range.begin >= call.range.begin || call.range.end >= outer.range.end) return false;
  std::string_view callee = m.text(outer.calleeRange);
  if (!callee.ends_with(".send") && !callee.ends_with("?.send")) return false;
  std::string_view open = trim(m.text({outer.calleeRange.end, call.range.begin}));
  std::string_view close = trim(m.text({call.range.end, outer.range.end}));
  if (open == "?.(") open = "(";
  if (close.starts_with(",")) close = trim(close.substr(1));
  return open == "(" && close == ")";
}

/// `outer` is `<call>.promise()` (AWS SDK v2 requests).
bool isPromiseOf(const Module& m, const Call& outer, const Call& call) {
  if (outer.referenceOnly || outer.function != call.function || &outer == &call) return false;
  if (outer.calleeRange.begin != call.range.begin || outer.calleeRange.end <= call.range.end) return false;
  std::string_view rest = m.text({call.range.end, outer.calleeRange.end});
  std::string_view args = trim(m.text({outer.calleeRange.end, outer.range.end}));
  return (trim(rest) == ".promise" || trim(rest) == "?.promise") && args == "()";
}

/// Inserted code follows the file's line endings (a file written with CRLF keeps them).
void matchLineEndings(const Module& m, Fix& fix) {
  if (m.file->text().find("\r\n") == std::string::npos) return;
  for (Edit& e : fix.edits) {
    std::string out;
    for (size_t i = 0; i < e.text.size(); ++i) {
      if (e.text[i] == '\n' && (i == 0 || e.text[i - 1] != '\r')) out += '\r';
      out += e.text[i];
    }
    e.text = std::move(out);
  }
}

} // namespace

std::optional<Fix> JavaScriptEditor::hoistToModuleScope(const Module& m, const Call& call) const {
  const Statement* movable = movableStatement(m, call);
  if (!movable || movable->declarationKind.empty()) return std::nullopt;
  const Statement& s = *movable;
  if (auto reuse = reuseModuleBinding(m, call, s, {s.lines, ""}))
    return reuse->edits.empty() ? std::nullopt : reuse;
  Fix fix;
  fix.applicability = Applicability::Safe;
  const std::string code =
      reindent(statementText(m, s), m.file->indentationAt(s.range.begin), "");
  const uint32_t at = m.functions[call.function].topLevelStart;
  fix.description = "Move `" + abbreviate(code) + "` to module scope";
  fix.edits.push_back({{at, at}, code + "\n\n"});
  fix.edits.push_back({s.lines, ""});
  fix.introduces.push_back(s.assignedName);
  matchLineEndings(m, fix);
  return fix;
}

std::optional<Fix> JavaScriptEditor::lazyInitialize(const Module& m, const Call& call,
                                                    LazyPurpose purpose) const {
  if (call.function < 0) return std::nullopt;
  const Call* target = &call;
  bool promise = false; // the cached value is known to be a promise
  bool viaSend = false;
  if (purpose == LazyPurpose::Config) {
    for (const Call& outer : m.calls) {
      if (isSendOf(m, outer, call)) {
        target = &outer;
        promise = viaSend = true;
        break;
      }
      if (isPromiseOf(m, outer, call)) {
        target = &outer;
        promise = true;
        break;
      }
    }
    const std::string_view last = lastSegment(call.callee);
    // A command is only fetched when sent; caching the command object itself fixes nothing.
    if (!viaSend && last.ends_with("Command")) return std::nullopt;
    if (target == &call) {
      promise = call.use == CallUse::Awaited;
      // An AWS SDK v2 request does nothing until `.promise()` or `.send()`: caching it is wrong.
      if (!promise && (call.callee.starts_with("aws-sdk:") || call.callee.starts_with("aws-sdk/")))
        return std::nullopt;
    }
  } else {
    promise = call.use == CallUse::Awaited && !m.text(call.range).starts_with("new");
  }
  if (!target->hoistable) return std::nullopt;
  if (target->statement >= 0) {
    const Statement& s = m.statements[target->statement];
    if (s.released && s.call == indexOf(m, *target)) return std::nullopt;
  }

  const bool typescript = m.language == Language::TypeScript || m.language == Language::Tsx;
  const std::string base = nameBase(m, call, *target);
  const std::string suffix = purpose == LazyPurpose::Config ? "Promise" : "";
  const std::string verb = purpose == LazyPurpose::Config ? "load" : "get";
  const std::string thunkVerb = purpose == LazyPurpose::Config ? "fetch" : "create";
  const std::string_view fileText = m.file->text();
  const std::string_view targetText = m.text(target->range);
  std::string cache, getter, thunk;
  for (int n = 1;; ++n) {
    const std::string num = n == 1 ? "" : std::to_string(n);
    cache = "_" + base + suffix + num;
    getter = verb + capitalized(base) + num;
    // A getter made by an earlier fix for the same expression: call it.
    if (m.moduleNames.contains(getter) && targetText.find('\n') == std::string_view::npos &&
        fileText.find(cache + " ?\?= " + std::string(targetText)) != std::string_view::npos) {
      Fix reuse;
      reuse.applicability = Applicability::Unsafe;
      reuse.description = "Use the module-level `" + getter + "()` instead of making it again";
      reuse.edits.push_back({target->range, getter + "()"});
      return reuse;
    }
    if (freeName(m, cache) && freeName(m, getter)) break;
  }
  // The TypeScript factory's name: `createPool` is often taken by the import it calls.
  for (int n = 1;; ++n) {
    const std::string num = n == 1 ? "" : std::to_string(n);
    thunk = thunkVerb + capitalized(base) + num;
    if (freeName(m, thunk)) break;
    thunk = "make" + capitalized(base) + num;
    if (freeName(m, thunk)) break;
  }

  const std::string unit = indentUnit(m);
  const std::string semi = usesSemicolons(m) ? ";" : "";
  const uint32_t targetLineStart = m.file->lineStart(m.file->position(target->range.begin).line);
  const std::string_view targetIndent = m.file->indentationAt(targetLineStart);
  std::string value = reindent(m.text(target->range), targetIndent, unit);

  // TypeScript: the cache needs a type (an untyped `let` captured by a function is an implicit
  // `any`, an error under `strict`).
  std::string annotation;
  bool useThunk = false;
  if (typescript) {
    std::string_view text = m.text(target->range);
    if (purpose == LazyPurpose::Client && text.starts_with("new")) {
      std::string_view head = trim(m.text(call.calleeRange).substr(3));
      std::string_view between = trim(m.text({call.calleeRange.end, call.range.end}));
      static const std::regex dotted(R"(^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$)");
      const bool plain = std::regex_match(std::string(head), dotted) && (between.empty() || between[0] == '(');
      const std::string root(head.substr(0, head.find('.')));
      const bool imported = std::any_of(m.imports.begin(), m.imports.end(), [&](const Import& i) {
        return i.local == root && !i.typeOnly;
      });
      if (plain && imported) annotation = ": " + std::string(head) + " | undefined";
      else if (plain) annotation = ": InstanceType<typeof " + std::string(head) + "> | undefined";
      else useThunk = true;
    } else if (viaSend) {
      const std::string& command = call.callee;
      const size_t colon = command.rfind(':');
      const std::string pkg = colon == std::string::npos ? "" : command.substr(0, colon);
      const std::string name = colon == std::string::npos ? "" : command.substr(colon + 1);
      if (!pkg.empty() && isIdentifier(name) && name.ends_with("Command")) {
        const char q = quoteChar(m);
        annotation = ": Promise<import(" + std::string(1, q) + pkg + std::string(1, q) + ")." + name +
                     "Output> | undefined";
      } else {
        useThunk = true;
      }
    } else {
      useThunk = true;
    }
  }

  std::string code;
  std::string made = value;
  if (useThunk) {
    code += "function " + thunk + "() {\n" + unit + "return " + value + semi + "\n}\n\n";
    annotation = ": ReturnType<typeof " + thunk + "> | undefined";
    made = thunk + "()";
  }
  std::string onError;
  if (promise) {
    // A failed fetch is not kept: the next invocation tries again.
    onError = ".catch((err) => {\n" + unit + unit + cache + " = undefined" + semi + "\n" + unit + unit +
              "throw err" + semi + "\n" + unit + "})";
  }
  code += "let " + cache + annotation + semi + "\n";
  code += "function " + getter + "() {\n";
  code += unit + cache + " ?\?= " + made + onError + semi + "\n";
  code += unit + "return " + cache + semi + "\n";
  code += "}\n\n";

  Fix fix = lazyInitFix(m, call, purpose, target->range, std::move(code), cache, getter);
  matchLineEndings(m, fix);
  return fix;
}

namespace {

/// One module-scope import statement, as an edit sees it.
struct ImportStatement {
  ByteRange range;            // the statement
  ByteRange lines;            // its whole lines
  std::vector<int> records;   // its Import records, in order
  bool esm = false;           // `import ... from "m"`; else a declaration (`const x = require("m")`)
  std::string module;
  std::string quote;          // the quote of the module specifier
  std::string semi;           // ";" when the statement ends with one
  std::string trailing;       // a comment after it on its last line, with the space before it
  std::string namespaceLocal; // `* as ns`
};

bool startsWithWord(std::string_view text, std::string_view word) {
  return text.starts_with(word) && (text.size() == word.size() || !isIdentChar(text[word.size()]));
}

/// The statement `imports` belong to, when an edit can move or delete it: directly at module
/// level, on lines of its own, binding only this module's names, and not an import with
/// attributes (`with { type: "json" }`) or TypeScript's `import x = require("m")`.
std::optional<ImportStatement> importStatement(const Module& m, const std::vector<int>& imports) {
  if (imports.empty()) return std::nullopt;
  for (int i : imports)
    if (i < 0 || static_cast<size_t>(i) >= m.imports.size()) return std::nullopt;
  ImportStatement s;
  s.range = m.imports[imports[0]].range;
  for (size_t i = 0; i < m.imports.size(); ++i) {
    const Import& imp = m.imports[i];
    if (imp.range != s.range) continue;
    if (imp.function >= 0 || imp.nested || imp.sharedStatement) return std::nullopt;
    s.records.push_back(static_cast<int>(i));
  }
  for (int i : imports)
    if (std::find(s.records.begin(), s.records.end(), i) == s.records.end()) return std::nullopt;
  s.module = m.imports[imports[0]].module;
  const std::string_view text = m.text(s.range);
  if (startsWithWord(text, "import")) {
    s.esm = true;
    static const std::regex importEquals(R"(^import\s+(?:type\s+)?[A-Za-z_$][\w$]*\s*=)");
    if (std::regex_search(std::string(text), importEquals)) return std::nullopt;
    static const std::regex star(R"(\*\s*as\s+([A-Za-z_$][\w$]*))");
    std::smatch match;
    const std::string t(text);
    if (std::regex_search(t, match, star)) s.namespaceLocal = match[1];
  } else if (!startsWithWord(text, "const") && !startsWithWord(text, "let") && !startsWithWord(text, "var")) {
    return std::nullopt;
  }
  // The module specifier: the last string in the statement.
  const size_t close = text.find_last_of("'\"");
  if (close == std::string_view::npos || close == 0) return std::nullopt;
  const size_t open = text.find_last_of(text[close], close - 1);
  if (open == std::string_view::npos || text.substr(open + 1, close - open - 1) != s.module) return std::nullopt;
  s.quote = std::string(1, text[close]);
  std::string_view rest = trim(text.substr(close + 1));
  if (!s.esm && rest.starts_with(")")) rest = trim(rest.substr(1));
  if (rest.starts_with(".")) { // `require("m").member`
    size_t n = 1;
    while (n < rest.size() && isIdentChar(rest[n])) ++n;
    rest = trim(rest.substr(n));
  }
  if (!rest.empty() && rest != ";") return std::nullopt; // import attributes, or more code
  s.semi = text.ends_with(";") ? ";" : "";
  s.lines = ts::wholeLines(*m.file, s.range, "//");
  if (s.lines.empty()) return std::nullopt;
  uint32_t end = s.lines.end;
  const std::string_view all = m.file->text();
  while (end > s.range.end && (all[end - 1] == '\n' || all[end - 1] == '\r')) --end;
  s.trailing = std::string(all.substr(s.range.end, end - s.range.end));
  return s;
}

/// A property name in a pattern or import clause: identifiers as they are, others quoted.
std::string propertyName(const std::string& name, const std::string& quote) {
  return isIdentifier(name) ? name : quote + name + quote;
}

/// Lines of `import type` statements for `records` of the statement (a default import, a
/// namespace and named imports need one statement each).
std::string typeImports(const Module& m, const ImportStatement& s, const std::vector<int>& records) {
  std::string out, named;
  const std::string from = " from " + s.quote + s.module + s.quote + s.semi + "\n";
  for (int r : records) {
    const Import& imp = m.imports[r];
    if (!imp.name.empty()) {
      const std::string name = propertyName(imp.name, s.quote);
      named += (named.empty() ? "" : ", ") + (name == imp.local ? name : name + " as " + imp.local);
    } else if (imp.local == s.namespaceLocal) {
      out += "import type * as " + imp.local + from;
    } else {
      out += "import type " + imp.local + from;
    }
  }
  if (!named.empty()) out += "import type { " + named + " }" + from;
  return out;
}

/// The statement an ES module import becomes inside an async function.
std::string dynamicImport(const Module& m, const ImportStatement& s, const std::vector<int>& records) {
  const std::string call = "await import(" + s.quote + s.module + s.quote + ")";
  std::string fields, ns;
  for (int r : records) {
    const Import& imp = m.imports[r];
    if (imp.name.empty() && imp.local == s.namespaceLocal) {
      ns = imp.local;
      continue;
    }
    const std::string name = imp.name.empty() ? "default" : propertyName(imp.name, s.quote);
    fields += (fields.empty() ? "" : ", ") + (name == imp.local ? name : name + ": " + imp.local);
  }
  if (ns.empty()) return "const { " + fields + " } = " + call + s.semi;
  std::string out = "const " + ns + " = " + call + s.semi;
  if (!fields.empty()) out += "\n" + std::string("const { ") + fields + " } = " + ns + s.semi;
  return out;
}

/// Records of the statement whose names appear in type positions, or that are type-only
/// themselves (`import { type X }`): what an `import type` has to keep.
std::vector<int> typeRecords(const Module& m, const ImportStatement& s, bool byUses) {
  std::vector<int> out;
  for (int r : s.records) {
    bool keep = m.imports[r].typeOnly;
    if (byUses)
      keep = keep || std::any_of(m.uses.begin(), m.uses.end(),
                                 [&](const NameUse& u) { return u.import == r && u.typeOnly; });
    if (keep) out.push_back(r);
  }
  return out;
}

} // namespace

std::optional<Fix> JavaScriptEditor::moveImport(const Module& m, const std::vector<int>& imports,
                                                const std::vector<int>& blocks, bool keepTypes) const {
  if (blocks.empty()) return std::nullopt;
  auto statement = importStatement(m, imports);
  if (!statement) return std::nullopt;
  const ImportStatement& s = *statement;
  std::set<int> functions;
  std::set<uint32_t> seen;
  for (int b : blocks) {
    if (b < 0 || static_cast<size_t>(b) >= m.blocks.size()) return std::nullopt;
    const Block& block = m.blocks[b];
    if (block.insertAt == Block::kNoInsert || !seen.insert(block.insertAt).second) return std::nullopt;
    if (block.insertAt >= s.lines.begin && block.insertAt < s.lines.end) return std::nullopt;
    functions.insert(block.function);
  }
  std::vector<int> values;
  for (int r : s.records) {
    if (m.imports[r].local.empty()) return std::nullopt; // a side-effect import stays
    if (!m.imports[r].typeOnly) values.push_back(r);
  }
  if (values.empty()) return std::nullopt;

  Fix fix;
  std::string moved;   // the statement written in each block (without indentation)
  std::string replaced; // what stays at module scope
  if (s.esm) {
    // `await import()` only where await can go: every block in an async function.
    for (int b : blocks) {
      const int f = m.blocks[b].function;
      if (f < 0 || !m.functions[f].isAsync) return std::nullopt;
    }
    for (int b : blocks)
      if (!m.blocks[b].awaitAllowed) return std::nullopt; // the lowering said where await can go
    std::vector<int> kept = typeRecords(m, s, keepTypes);
    if (keepTypes && kept.empty()) kept = values; // names used in types the model did not single out
    replaced = typeImports(m, s, kept);
    moved = dynamicImport(m, s, values) + s.trailing;
    fix.applicability = Applicability::Unsafe;
    fix.description = "Import `" + s.module + "` with `await import()` where it is used";
    if (!kept.empty()) fix.description += ", keeping `import type` for its types";
  } else {
    // A TypeScript type that names a required value (`typeof x`) would lose it.
    if (keepTypes || !typeRecords(m, s, true).empty()) return std::nullopt;
    moved = std::string(m.text(s.range)) + s.trailing;
    const std::string_view text = m.text(s.range);
    const bool required = text.find("require(") != std::string_view::npos;
    fix.applicability = Applicability::Safe;
    fix.description = "Move `" + std::string(required ? "require(" : "await import(") + s.quote + s.module +
                      s.quote + ")` into the " +
                      (functions.size() == 1 ? "function that uses it" : "functions that use it");
  }
  fix.edits.push_back({s.lines, replaced});
  for (int b : blocks) {
    const Block& block = m.blocks[b];
    std::string code = reindent(moved, "", block.indent);
    // Later lines of the moved text (a multi-line declaration) get the block's indentation too;
    // reindent() indents lines that started at column 0.
    fix.edits.push_back({{block.insertAt, block.insertAt}, block.indent + code + "\n"});
  }
  matchLineEndings(m, fix);
  return fix;
}

std::optional<Fix> JavaScriptEditor::removeImport(const Module& m, const std::vector<int>& imports) const {
  auto statement = importStatement(m, imports);
  if (!statement) return std::nullopt;
  const ImportStatement& s = *statement;
  const std::vector<int> kept = typeRecords(m, s, true);
  if (!kept.empty() && !s.esm) return std::nullopt; // `typeof x` of a required value
  Fix fix;
  fix.applicability = Applicability::Unsafe; // importing a module runs its code
  fix.description = "Remove the unused import of `" + s.module + "`";
  if (!kept.empty()) fix.description += ", keeping `import type` for its types";
  fix.edits.push_back({s.lines, kept.empty() ? std::string() : typeImports(m, s, kept)});
  matchLineEndings(m, fix);
  return fix;
}

} // namespace ll

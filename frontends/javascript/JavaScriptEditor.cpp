#include "frontends/javascript/JavaScriptEditor.h"

#include "core/EditorSupport.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

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

std::optional<Fix> JavaScriptEditor::moveImport(const Module&, const std::vector<int>&,
                                                const std::vector<int>&, bool) const {
  return std::nullopt; // TODO(issue 4): CommonJS require moves and ESM `await import()`
}

std::optional<Fix> JavaScriptEditor::removeImport(const Module&, const std::vector<int>&) const {
  return std::nullopt; // TODO(issue 4)
}

} // namespace ll

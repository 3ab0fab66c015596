#include "initcost/PackageWeigher.h"

#include "core/Strings.h"
#include "initcost/ImportCosts.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ranges>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace fs = std::filesystem;

namespace ll {

namespace {

constexpr uint32_t kMaxFiles = 20000;            // files weighed for one module
constexpr uint64_t kMaxScanBytes = 8ULL << 20;   // larger files are counted, not read
constexpr int kHandlerLevels = 8;                // folders walked up from a handler
constexpr int kDependencyLevels = 64;            // ... and from a file inside node_modules
constexpr size_t kMaxClauseTokens = 4096;        // tokens of an import/export clause

using Json = nlohmann::ordered_json; // key order matters for export conditions

// ------------------------------------------------------------------------------------------
// File system helpers: every call takes an error_code, nothing throws.

bool isDirectory(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool isRegularFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

bool pathExists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

/// The real path (symlinks resolved), or "" when it does not exist or cannot be resolved
/// (a symlink loop, a permission problem).
std::string realPath(const fs::path& p) {
  std::error_code ec;
  fs::path r = fs::canonical(p, ec);
  return ec ? std::string() : r.string();
}

std::optional<uint64_t> sizeOf(const std::string& file) {
  std::error_code ec;
  const uintmax_t n = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  return uint64_t(n);
}

/// Counts `file` (a real path) into `w` once: its size, or nothing when it was counted already,
/// cannot be sized, or the file limit is reached (then `w.truncated` is set and the walk stops).
std::optional<uint64_t> countOnce(ModuleWeight& w, std::unordered_set<std::string>& counted,
                                  const std::string& file) {
  if (!counted.insert(file).second) return std::nullopt;
  const auto size = sizeOf(file);
  if (!size) return std::nullopt;
  if (w.files >= kMaxFiles) {
    w.truncated = true;
    return std::nullopt;
  }
  w.bytes += *size;
  ++w.files;
  return size;
}

bool readFile(const std::string& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  const std::streamoff n = in.tellg();
  if (n < 0) return false;
  out.resize(size_t(n));
  in.seekg(0, std::ios::beg);
  in.read(out.data(), n);
  out.resize(size_t(in.gcount()));
  return true;
}

bool hasExtension(std::string_view file, std::string_view ext) { return file.ends_with(ext); }

/// The folders from `dir` up: `dir` first, at most `levels` parents, stopping after the folder
/// that holds a `.git` (the top of the project) or at the file system root.
std::vector<fs::path> ancestors(fs::path dir, int levels) {
  std::vector<fs::path> out;
  if (dir.empty()) return out;
  for (int level = 0; level <= levels; ++level) {
    out.push_back(dir);
    if (pathExists(dir / ".git")) break;
    fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) break;
    dir = std::move(parent);
  }
  return out;
}

/// The folder of `file`, absolute, symlinks resolved when possible ("" for no file).
fs::path folderOf(const std::string& file) {
  if (file.empty()) return {};
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(file), ec);
  if (ec) abs = fs::path(file);
  fs::path dir = abs.lexically_normal().parent_path();
  std::string real = realPath(dir);
  return real.empty() ? dir : fs::path(real);
}

// ------------------------------------------------------------------------------------------
// Python: a line-based scanner for the imports a module runs when it is imported.

struct PyImport {
  bool isFrom = false;
  int level = 0;                  // leading dots of a relative from-import
  std::string module;             // dotted name ("" in `from . import x`)
  std::vector<std::string> names; // what a from-import imports; the modules of `import a, b`
  int tryId = -1;                 // the innermost enclosing `try` statement, if any
  bool inExcept = false;          // ... and the import is in one of its `except` clauses
};

struct PyLine {
  int indent = 0;
  std::string text; // strings replaced by "", comments removed, continuation lines joined
};

/// Logical lines as Python's tokenizer makes them: bracketed and backslash-continued lines
/// joined, string literals (triple-quoted ones too) emptied, comments dropped.
std::vector<PyLine> pyLogicalLines(std::string_view s) {
  std::vector<PyLine> out;
  PyLine cur;
  bool atStart = true;
  int depth = 0;
  const size_t n = s.size();
  size_t i = 0;
  auto emit = [&] {
    if (cur.text.find_first_not_of(' ') != std::string::npos) out.push_back(std::move(cur));
    cur = PyLine();
    atStart = true;
  };
  while (i < n) {
    if (atStart) {
      int indent = 0;
      while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) {
        indent = s[i] == '\t' ? (indent / 8 + 1) * 8 : indent + 1;
        ++i;
      }
      cur.indent = indent;
      atStart = false;
      continue;
    }
    const char c = s[i];
    if (c == '\n') {
      ++i;
      if (depth > 0) cur.text += ' ';
      else emit();
      continue;
    }
    if (c == '\r') {
      ++i;
      continue;
    }
    if (c == '\\' && (i + 1 < n) && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
      i += s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n' ? 3 : 2;
      cur.text += ' ';
      continue;
    }
    if (c == '#') {
      while (i < n && s[i] != '\n') ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      if (i + 2 < n && s[i + 1] == c && s[i + 2] == c) {
        i += 3;
        while (i < n && (s[i] != c || i + 2 >= n || s[i + 1] != c || s[i + 2] != c))
          i += s[i] == '\\' ? 2 : 1;
        i = std::min(n, i + 3);
      } else {
        ++i;
        while (i < n && s[i] != c && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
        if (i < n && s[i] == c) ++i;
      }
      cur.text += "\"\"";
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    cur.text += c;
    ++i;
  }
  emit();
  return out;
}

/// The blanks trimmed off Python statements (a logical line holds no line break).
constexpr std::string_view kBlanks = " \t";

bool isIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

/// A dotted name made of identifiers ("a.b.c"); "" when `s` is not one.
bool isDottedName(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  char prev = '.';
  for (char c : s) {
    if (c == '.') {
      if (prev == '.') return false;
    } else if (!isIdentChar(c)) {
      return false;
    }
    prev = c;
  }
  return true;
}

/// `s` starts with the keyword `kw` followed by a non-identifier character (or the end).
bool startsWithWord(std::string_view s, std::string_view kw) {
  return s.starts_with(kw) && (s.size() == kw.size() || !isIdentChar(s[kw.size()]));
}

/// The name before " as " in "x.y as z" (or the whole trimmed item).
std::string_view beforeAs(std::string_view item) {
  item = trim(item, kBlanks);
  const size_t sp = item.find_first_of(" \t");
  return sp == std::string_view::npos ? item : item.substr(0, sp);
}

/// Parses one simple statement if it is an import.
std::optional<PyImport> parsePyImport(std::string_view stmt) {
  stmt = trim(stmt, kBlanks);
  PyImport imp;
  if (startsWithWord(stmt, "import")) {
    for (std::string_view item : split(stmt.substr(6), ',')) {
      std::string_view name = beforeAs(item);
      if (isDottedName(name)) imp.names.emplace_back(name);
    }
    if (imp.names.empty()) return std::nullopt;
    return imp;
  }
  if (!startsWithWord(stmt, "from")) return std::nullopt;
  std::string_view rest = trim(stmt.substr(4), kBlanks);
  imp.isFrom = true;
  while (!rest.empty() && (rest.front() == '.' || rest.front() == ' ' || rest.front() == '\t')) {
    if (rest.front() == '.') ++imp.level;
    rest.remove_prefix(1);
  }
  size_t end = 0;
  while (end < rest.size() && (isIdentChar(rest[end]) || rest[end] == '.')) ++end;
  std::string_view module = rest.substr(0, end);
  if (module == "import") { // `from . import x`
    module = {};
    end = 0;
  }
  rest = trim(rest.substr(end), kBlanks);
  if (!startsWithWord(rest, "import")) return std::nullopt;
  if (!module.empty() && !isDottedName(module)) return std::nullopt;
  if (module.empty() && imp.level == 0) return std::nullopt;
  imp.module = std::string(module);
  rest = rest.substr(6);
  std::string names;
  for (char c : rest)
    if (c != '(' && c != ')') names += c;
  for (std::string_view item : split(names, ',')) {
    std::string_view name = beforeAs(item);
    if (!name.empty() && isDottedName(name) && name.find('.') == std::string_view::npos)
      imp.names.emplace_back(name);
  }
  return imp;
}

/// The imports a Python module runs when it is imported: those at module level, including
/// inside module-level `if`/`try`/`with`/`for` blocks, but not inside functions, classes or
/// `if TYPE_CHECKING:` blocks. `import a, b` gives one PyImport whose `names` are the modules.
std::vector<PyImport> scanPython(std::string_view src) {
  enum class Kind { Lazy, Try, Except, Other };
  struct Block {
    int indent;
    Kind kind;
    int tryId;
  };
  std::vector<PyImport> out;
  std::vector<Block> stack;
  std::map<int, int> lastTryAt; // indent -> id of the last `try:` seen there
  int nextTry = 0;
  for (const PyLine& line : pyLogicalLines(src)) {
    while (!stack.empty() && stack.back().indent >= line.indent) stack.pop_back();
    const bool lazy = std::any_of(stack.begin(), stack.end(),
                                  [](const Block& b) { return b.kind == Kind::Lazy; });
    std::string_view text = trim(line.text, kBlanks);
    if (text.ends_with(':')) { // a compound statement's header
      Block b{line.indent, Kind::Other, -1};
      std::string_view cond = trim(text.substr(0, text.size() - 1), kBlanks);
      if (lazy || startsWithWord(text, "def") || startsWithWord(text, "class") ||
          (startsWithWord(text, "async") && startsWithWord(trim(text.substr(5), kBlanks), "def"))) {
        b.kind = Kind::Lazy;
      } else if (startsWithWord(text, "if")) {
        cond = trim(cond.substr(2), kBlanks);
        if (cond == "TYPE_CHECKING" || cond.ends_with(".TYPE_CHECKING")) b.kind = Kind::Lazy;
      } else if (startsWithWord(text, "try")) {
        b.kind = Kind::Try;
        b.tryId = nextTry++;
        lastTryAt[line.indent] = b.tryId;
      } else if (startsWithWord(text, "except")) {
        auto it = lastTryAt.find(line.indent);
        if (it != lastTryAt.end()) {
          b.kind = Kind::Except;
          b.tryId = it->second;
        }
      }
      stack.push_back(b);
      continue;
    }
    if (lazy) continue;
    int tryId = -1;
    bool inExcept = false;
    for (const Block& b : std::views::reverse(stack)) {
      if (b.kind == Kind::Try || b.kind == Kind::Except) {
        tryId = b.tryId;
        inExcept = b.kind == Kind::Except;
        break;
      }
    }
    for (std::string_view stmt : split(text, ';')) {
      if (auto imp = parsePyImport(stmt)) {
        imp->tryId = tryId;
        imp->inExcept = inExcept;
        out.push_back(std::move(*imp));
      }
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// JavaScript: the string-literal specifiers a file requires or imports when it is loaded.

bool isJsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

bool isJsIdentChar(char c) { return isJsIdentStart(c) || (c >= '0' && c <= '9'); }

/// Finds `import ... from 'x'`, `import 'x'`, `export ... from 'x'` and the `require('x')`
/// calls that run when the file is loaded: at the top level, in blocks, or in functions that
/// are invoked where they are defined (`(function () { ... })()`, `!function () {...}()`,
/// `(() => {...})()`, `function () {...}.call(this)`). A `require` inside any other function
/// body or arrow function runs only when that function is called, and `import('x')` is lazy.
/// Comments, strings, template literals and regular expression literals are skipped roughly:
/// well enough for real packages, not a JavaScript parser.
class JsScanner {
public:
  explicit JsScanner(std::string_view src) : s_(src) {}

  std::vector<std::string> scan() {
    bool have = advance();
    while (have) {
      const bool member = isPunct(prev_, ".");
      if (!member && isIdent(tok_, "require")) {
        if (!advance()) break;
        if (!isPunct(tok_, "(")) continue;
        if (!advance()) break;
        if (tok_.kind != Tok::String || !tok_.plain) continue;
        std::string spec = tok_.value;
        if (!advance()) break;
        if (isPunct(tok_, ")")) deliver({std::move(spec)});
        continue;
      }
      if (!member && isIdent(tok_, "import")) {
        if (!advance()) break;
        if (tok_.kind == Tok::String) { // import 'x'
          if (tok_.plain) out_.push_back(tok_.value);
          have = advance();
          continue;
        }
        if (isPunct(tok_, "(") || isPunct(tok_, ".")) continue; // import('x'); import.meta
        if (auto spec = fromClause()) out_.push_back(std::move(*spec));
        continue;
      }
      if (!member && isIdent(tok_, "export")) {
        if (!advance()) break;
        if (!isPunct(tok_, "*") && !isPunct(tok_, "{") && !isIdent(tok_, "type")) continue;
        if (auto spec = fromClause()) out_.push_back(std::move(*spec));
        continue;
      }
      have = advance();
    }
    return std::move(out_);
  }

private:
  enum class Tok { None, Ident, String, Punct, Number };
  struct Token {
    Tok kind = Tok::None;
    std::string_view text; // identifier or punctuation
    std::string value;     // a string literal's value
    bool plain = true;     // a string without escapes, a template without ${}
    bool newline = false;  // a line break came before it
  };
  /// An open bracket, or the expression body of an arrow function ('a').
  struct Frame {
    char kind = '{';
    bool function = false;       // a function body
    bool started = false;        // an arrow body: has a token
    std::string_view owner;      // '(': the identifier before it (`if`, `for`, a name)
    std::vector<std::string> pending; // requires in a function body, kept if it is invoked
  };

  static bool isPunct(const Token& x, std::string_view p) {
    return x.kind == Tok::Punct && x.text == p;
  }
  static bool isIdent(const Token& x, std::string_view w) {
    return x.kind == Tok::Ident && x.text == w;
  }
  static bool keywordBeforeRegex(std::string_view w) {
    static const std::set<std::string_view> kWords = {
        "return", "typeof", "case", "do", "else", "in", "of", "new", "delete",
        "void", "throw", "instanceof", "yield", "await"};
    return kWords.contains(w);
  }
  static bool controlKeyword(std::string_view w) {
    return w == "if" || w == "for" || w == "while" || w == "switch" || w == "catch" ||
           w == "with" || w == "await";
  }

  /// Requires found here: into the innermost function body, or out when there is none.
  void deliver(std::vector<std::string> specs) {
    for (Frame& f : std::views::reverse(frames_)) {
      if (f.function) {
        for (auto& sp : specs) f.pending.push_back(std::move(sp));
        return;
      }
    }
    for (auto& sp : specs) out_.push_back(std::move(sp));
  }

  bool advance() {
    prev_ = std::move(tok_);
    if (!lex(tok_)) return false;
    track(prev_, tok_);
    return true;
  }

  /// Keeps the bracket/function structure up to date with token `t` (after `before`).
  void track(const Token& before, const Token& t) {
    // A function body that just closed: invoked right there?
    if (closed_ != Closed::None) {
      const Closed state = closed_;
      closed_ = Closed::None;
      const bool invoked = state == Closed::Dot ? isIdent(t, "call") || isIdent(t, "apply")
                                                : isPunct(t, "(");
      if (invoked) deliver(std::move(closedPending_));
      else if (isPunct(t, ")") && state == Closed::Brace) closed_ = Closed::Paren;
      else if (isPunct(t, ".") && state != Closed::Dot) closed_ = Closed::Dot;
      if (closed_ == Closed::None) closedPending_.clear();
    }
    // The expression body of an arrow function ends at `,`, `;`, a closing bracket, or a line
    // break after its first token.
    while (!frames_.empty() && frames_.back().kind == 'a') {
      const Frame& a = frames_.back();
      const bool end = isPunct(t, ",") || isPunct(t, ";") || isPunct(t, ")") ||
                       isPunct(t, "]") || isPunct(t, "}") || (t.newline && a.started);
      if (!end) break;
      frames_.pop_back();
    }
    if (isPunct(before, "=>") && !isPunct(t, "{") && frames_.size() < kMaxFrames) {
      Frame a;
      a.kind = 'a';
      a.function = true;
      frames_.push_back(std::move(a));
    }
    if (!frames_.empty() && frames_.back().kind == 'a') frames_.back().started = true;
    if (t.kind != Tok::Punct) return;
    const char c = t.text.size() == 1 ? t.text[0] : '\0';
    if ((c == '(' || c == '[' || c == '{') && frames_.size() < kMaxFrames) {
      Frame f;
      f.kind = c;
      if (c == '(' && before.kind == Tok::Ident) f.owner = before.text;
      if (c == '{')
        f.function = isPunct(before, "=>") || (isPunct(before, ")") && !controlKeyword(lastOwner_));
      frames_.push_back(std::move(f));
      return;
    }
    if (c == ')' || c == ']' || c == '}') {
      const char open = c == ')' ? '(' : c == ']' ? '[' : '{';
      while (!frames_.empty()) {
        Frame f = std::move(frames_.back());
        frames_.pop_back();
        if (f.kind != open) continue;
        if (open == '(') lastOwner_ = f.owner;
        if (open == '{' && f.function) {
          closedPending_ = std::move(f.pending);
          closed_ = Closed::Brace;
        }
        break;
      }
    }
  }

  /// After `import`/`export`: the bindings up to `from 'x'`. The current token is the
  /// clause's first. Returns the specifier, or nothing (the current token is then left for
  /// the main loop).
  std::optional<std::string> fromClause() {
    bool closedBrace = false;
    for (size_t k = 0; k < kMaxClauseTokens; ++k) {
      if (isIdent(tok_, "from")) {
        if (!advance()) return std::nullopt;
        if (tok_.kind == Tok::String && tok_.plain) return tok_.value;
        return std::nullopt;
      }
      if (closedBrace) return std::nullopt; // `export { a };` has no source
      if (isPunct(tok_, "{")) {
        while (advance() && !isPunct(tok_, "}")) {
          if (tok_.kind != Tok::Ident && !isPunct(tok_, ",") && tok_.kind != Tok::String)
            return std::nullopt;
        }
        closedBrace = true;
      } else if (tok_.kind != Tok::Ident && !isPunct(tok_, ",") && !isPunct(tok_, "*")) {
        return std::nullopt;
      }
      if (!advance()) return std::nullopt;
    }
    return std::nullopt;
  }

  /// Skips blanks and comments; notes a line break.
  void skipSpace(bool& newline) {
    const size_t n = s_.size();
    while (i_ < n) {
      const char c = s_[i_];
      if (c == '\n') {
        newline = true;
        ++i_;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        ++i_;
      } else if ((c == '/' && i_ + 1 < n && s_[i_ + 1] == '/') ||
                 (c == '#' && i_ == 0 && n > 1 && s_[1] == '!')) { // a comment, a shebang
        while (i_ < n && s_[i_] != '\n') ++i_;
      } else if (c == '/' && i_ + 1 < n && s_[i_ + 1] == '*') {
        const size_t e = s_.find("*/", i_ + 2);
        if (s_.substr(i_, (e == std::string_view::npos ? n : e) - i_).find('\n') !=
            std::string_view::npos)
          newline = true;
        i_ = e == std::string_view::npos ? n : e + 2;
      } else {
        break;
      }
    }
  }

  void lexQuoted(Token& t, char quote) {
    const size_t n = s_.size();
    ++i_;
    t.kind = Tok::String;
    while (i_ < n && s_[i_] != quote && s_[i_] != '\n') {
      if (s_[i_] == '\\') {
        t.plain = false;
        i_ += 2;
        continue;
      }
      t.value += s_[i_++];
    }
    if (i_ < n && s_[i_] == quote) ++i_;
  }

  void lexTemplate(Token& t) {
    const size_t n = s_.size();
    ++i_;
    t.kind = Tok::String;
    int braces = 0;
    while (i_ < n) {
      const char c = s_[i_];
      if (c == '\\') {
        t.plain = false;
        i_ += 2;
        continue;
      }
      if (braces == 0 && c == '`') break;
      if (braces == 0 && c == '$' && i_ + 1 < n && s_[i_ + 1] == '{') {
        t.plain = false;
        braces = 1;
        i_ += 2;
        continue;
      }
      if (braces > 0) {
        if (c == '{') ++braces;
        else if (c == '}') --braces;
      } else {
        t.value += c;
      }
      ++i_;
    }
    if (i_ < n) ++i_;
  }

  /// A regular expression literal (the `/` is at i_).
  void lexRegex(Token& t) {
    const size_t n = s_.size();
    ++i_;
    bool inClass = false;
    while (i_ < n && s_[i_] != '\n') {
      const char c = s_[i_];
      if (c == '\\') {
        i_ += 2;
        continue;
      }
      if (c == '[') inClass = true;
      else if (c == ']') inClass = false;
      else if (c == '/' && !inClass) break;
      ++i_;
    }
    if (i_ < n && s_[i_] == '/') ++i_;
    while (i_ < n && isJsIdentChar(s_[i_])) ++i_; // flags
    t.kind = Tok::String; // a literal: a division may follow
    t.plain = false;
  }

  bool lex(Token& t) {
    t = Token();
    skipSpace(t.newline);
    const size_t n = s_.size();
    if (i_ >= n) return false;
    const char c = s_[i_];
    if (c == '\'' || c == '"') {
      lexQuoted(t, c);
      return true;
    }
    if (c == '`') {
      lexTemplate(t);
      return true;
    }
    if (isJsIdentStart(c) || c == '\\') {
      const size_t b = i_;
      while (i_ < n && (isJsIdentChar(s_[i_]) || s_[i_] == '\\')) ++i_;
      t.kind = Tok::Ident;
      t.text = s_.substr(b, i_ - b);
      return true;
    }
    if (c >= '0' && c <= '9') {
      while (i_ < n && (isJsIdentChar(s_[i_]) || s_[i_] == '.')) ++i_;
      t.kind = Tok::Number;
      return true;
    }
    if (c == '/' && (prev_.kind == Tok::None || // the token before `/` tells a regex
                     (prev_.kind == Tok::Punct && prev_.text != ")" && prev_.text != "]") ||
                     (prev_.kind == Tok::Ident && keywordBeforeRegex(prev_.text)))) {
      lexRegex(t);
      return true;
    }
    t.kind = Tok::Punct;
    t.text = s_.substr(i_, c == '=' && i_ + 1 < n && s_[i_ + 1] == '>' ? 2 : 1);
    i_ += t.text.size();
    return true;
  }

  static constexpr size_t kMaxFrames = 4096;
  enum class Closed { None, Brace, Paren, Dot }; // after `}`, `})`, `}.` or `}).`

  std::string_view s_;
  size_t i_ = 0;
  Token tok_;
  Token prev_;
  std::vector<Frame> frames_;
  std::string_view lastOwner_;
  Closed closed_ = Closed::None;
  std::vector<std::string> closedPending_;
  std::vector<std::string> out_;
};

std::vector<std::string> scanJavaScript(std::string_view src) { return JsScanner(src).scan(); }

bool isNodeBuiltin(const std::string& spec, const ImportCosts& costs) {
  if (spec.starts_with("node:")) return true;
  if (spec.ends_with("/")) return false; // `require('punycode/')` asks for the npm package
  return costs.isStdlib("javascript", spec);
}

bool isRelativeSpecifier(std::string_view spec) {
  return spec == "." || spec == ".." || spec.starts_with("./") || spec.starts_with("../") ||
         spec.starts_with("/");
}

// ------------------------------------------------------------------------------------------
// What all the weighings share: directory listings, dependency folders, scanned files, parsed
// package.json files and the results, behind one mutex.

struct Store {
  struct Listing {
    std::set<std::string, std::less<>> files; // regular files (symlinks followed)
    std::set<std::string, std::less<>> dirs;  // folders (symlinks followed)
  };
  using Roots = std::vector<std::string>;

  std::vector<fs::path> packageDirs;

  mutable std::mutex mu;
  mutable std::unordered_map<std::string, std::shared_ptr<const Listing>> listings;
  mutable std::unordered_map<std::string, std::shared_ptr<const Roots>> pythonRoots;
  mutable std::unordered_map<std::string, std::shared_ptr<const Roots>> nodeChains;
  mutable std::unordered_map<std::string, std::shared_ptr<const std::vector<PyImport>>> pyScans;
  mutable std::unordered_map<std::string, std::shared_ptr<const std::vector<std::string>>> jsScans;
  mutable std::unordered_map<std::string, std::shared_ptr<const Json>> packageJsons;
  mutable std::unordered_map<std::string, std::optional<ModuleWeight>> results;
  /// The distinct standard-library lists weighings were given; results are cached per list.
  mutable std::vector<std::set<std::string, std::less<>>> stdlibs;

  /// The value cached under `key` in `map`, computed outside the lock when missing (two
  /// threads may both compute it; the first one stored wins).
  template <class Map, class Compute>
  typename Map::mapped_type cached(Map& map, const std::string& key, Compute compute) const {
    {
      std::lock_guard<std::mutex> lock(mu);
      auto it = map.find(key);
      if (it != map.end()) return it->second;
    }
    typename Map::mapped_type value = compute();
    std::lock_guard<std::mutex> lock(mu);
    return map.emplace(key, std::move(value)).first->second;
  }

  /// The number of `costs`'s standard-library list for `language` among those seen so far.
  size_t stdlibId(const ImportCosts& costs, std::string_view language) const {
    const std::set<std::string, std::less<>>& list = costs.stdlib(language);
    std::lock_guard<std::mutex> lock(mu);
    auto it = std::find(stdlibs.begin(), stdlibs.end(), list);
    if (it != stdlibs.end()) return static_cast<size_t>(it - stdlibs.begin());
    stdlibs.push_back(list);
    return stdlibs.size() - 1;
  }

  std::shared_ptr<const Listing> listing(const std::string& dir) const {
    return cached(listings, dir, [&] {
      auto l = std::make_shared<Listing>();
      std::error_code ec;
      fs::directory_iterator it(dir, ec);
      for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code e2;
        std::string name = it->path().filename().string();
        if (it->is_directory(e2)) l->dirs.insert(std::move(name));
        else if (it->is_regular_file(e2)) l->files.insert(std::move(name));
      }
      return std::shared_ptr<const Listing>(std::move(l));
    });
  }

  std::shared_ptr<const Json> packageJson(const std::string& dir) const {
    return cached(packageJsons, dir, [&]() -> std::shared_ptr<const Json> {
      const std::string file = (fs::path(dir) / "package.json").string();
      std::string text;
      if (!isRegularFile(file) || sizeOf(file).value_or(kMaxScanBytes + 1) > kMaxScanBytes ||
          !readFile(file, text))
        return nullptr;
      Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) return nullptr;
      return std::make_shared<const Json>(std::move(j));
    });
  }

  // --- Dependency folders -------------------------------------------------------------------

  /// `dir/lib/python3.*/site-packages` folders.
  std::vector<fs::path> libSitePackages(const fs::path& dir) const {
    std::vector<fs::path> out;
    const fs::path lib = dir / "lib";
    if (!isDirectory(lib)) return out;
    auto l = listing(lib.string());
    for (const std::string& d : l->dirs)
      if (d.starts_with("python3") && isDirectory(lib / d / "site-packages"))
        out.push_back(lib / d / "site-packages");
    return out;
  }

  bool hasDistInfo(const fs::path& dir) const {
    auto l = listing(dir.string());
    return std::any_of(l->dirs.begin(), l->dirs.end(),
                       [](const std::string& d) { return d.ends_with(".dist-info"); });
  }

  std::shared_ptr<const Roots> pythonRootsFor(const fs::path& dir) const {
    return cached(pythonRoots, dir.string(), [&] {
      std::vector<fs::path> candidates;
      for (const fs::path& p : packageDirs) {
        candidates.push_back(p);
        if (isDirectory(p / "python")) candidates.push_back(p / "python");
        for (auto& sp : libSitePackages(p / "python")) candidates.push_back(sp);
        for (auto& sp : libSitePackages(p)) candidates.push_back(sp);
      }
      for (const fs::path& d : ancestors(dir, kHandlerLevels)) {
        if (hasDistInfo(d)) candidates.push_back(d); // a SAM build or unzipped package
        for (const char* name : {"site-packages", "vendor", "package"})
          if (isDirectory(d / name)) candidates.push_back(d / name);
        const fs::path layer = d / "python";
        auto layerSites = libSitePackages(layer);
        if (isDirectory(layer) && (hasDistInfo(layer) || !layerSites.empty()))
          candidates.push_back(layer);
        for (auto& sp : layerSites) candidates.push_back(sp);
        for (const char* venv : {".venv", "venv"})
          for (auto& sp : libSitePackages(d / venv)) candidates.push_back(sp);
      }
      auto roots = std::make_shared<Roots>();
      std::unordered_set<std::string> seen;
      for (const fs::path& c : candidates) {
        std::string real = realPath(c);
        if (!real.empty() && isDirectory(real) && seen.insert(real).second)
          roots->push_back(std::move(real));
      }
      return std::shared_ptr<const Roots>(std::move(roots));
    });
  }

  /// The node_modules folders Node searches from `dir` (nearest first), up to `levels` parents.
  std::shared_ptr<const Roots> nodeChain(const fs::path& dir, int levels) const {
    return cached(nodeChains, std::to_string(levels) + ":" + dir.string(), [&] {
      auto roots = std::make_shared<Roots>();
      for (const fs::path& d : ancestors(dir, levels)) {
        if (d.filename() == "node_modules") continue;
        const fs::path nm = d / "node_modules";
        if (isDirectory(nm)) roots->push_back(nm.string());
      }
      return std::shared_ptr<const Roots>(std::move(roots));
    });
  }

  /// node_modules folders given with --package: DIR/node_modules, a layer's
  /// DIR/nodejs/node_modules, or DIR itself.
  Roots packageNodeModules() const {
    Roots out;
    for (const fs::path& p : packageDirs) {
      bool any = false;
      for (const fs::path& nm : {p / "node_modules", p / "nodejs" / "node_modules"}) {
        if (isDirectory(nm)) {
          out.push_back(nm.string());
          any = true;
        }
      }
      if (!any && isDirectory(p)) out.push_back(p.string());
    }
    return out;
  }

  std::optional<ModuleWeight> weighPython(const ImportCosts& costs, const std::string& fromFile,
                                          const std::string& module) const;
  std::optional<ModuleWeight> weighJavaScript(const ImportCosts& costs, const std::string& fromFile,
                                              const std::string& module) const;
};

// ------------------------------------------------------------------------------------------
// Python weighing.

struct PyModule {
  bool found = false;
  bool isPackage = false;
  std::string file;                    // "" for a namespace package
  std::vector<std::string> searchPath; // a package's __path__
};

class PythonWeigher {
public:
  PythonWeigher(const Store& store, const ImportCosts& costs, const std::vector<std::string>& roots,
                const std::function<std::shared_ptr<const std::vector<PyImport>>(
                    const std::string&)>& scan)
      : store_(store), costs_(costs), roots_(roots), scan_(scan) {}

  const PyModule& resolve(const std::string& name) {
    auto it = memo_.find(name);
    if (it != memo_.end()) return it->second;
    PyModule m;
    const size_t dot = name.rfind('.');
    std::vector<std::string> dirs;
    std::string last = name;
    if (dot == std::string::npos) {
      if (!costs_.isStdlib("python", name)) dirs = roots_;
    } else {
      const PyModule& parent = resolve(name.substr(0, dot));
      if (parent.found && parent.isPackage) dirs = parent.searchPath;
      last = name.substr(dot + 1);
    }
    m = find(dirs, last);
    return memo_.emplace(name, std::move(m)).first->second;
  }

  ModuleWeight weigh(const std::string& module) {
    ModuleWeight w;
    std::vector<std::string> work{module};
    std::unordered_set<std::string> done;
    std::unordered_set<std::string> counted;
    while (!work.empty()) {
      std::string name = std::move(work.back());
      work.pop_back();
      if (!done.insert(name).second) continue;
      const size_t dot = name.rfind('.');
      if (dot != std::string::npos) work.push_back(name.substr(0, dot)); // parents run first
      const PyModule& m = resolve(name);
      if (!m.found || m.file.empty()) continue;
      std::string real = realPath(m.file);
      if (real.empty()) continue;
      const auto size = countOnce(w, counted, real);
      if (w.truncated) break;
      if (!size) continue;
      if (!hasExtension(real, ".py") || *size > kMaxScanBytes) continue;
      std::string package; // what relative imports in the module are relative to
      if (m.isPackage) package = name;
      else if (dot != std::string::npos) package = name.substr(0, dot);
      follow(*scan_(real), package, work);
    }
    return w;
  }

private:
  PyModule find(const std::vector<std::string>& dirs, const std::string& last) const {
    PyModule m;
    std::vector<std::string> portions;
    for (const std::string& dir : dirs) {
      auto l = store_.listing(dir);
      if (l->dirs.contains(last)) {
        const std::string sub = (fs::path(dir) / last).string();
        auto sl = store_.listing(sub);
        std::string init = moduleFile(*sl, "__init__");
        if (!init.empty()) {
          m.found = m.isPackage = true;
          m.file = (fs::path(sub) / init).string();
          m.searchPath = {sub};
          return m;
        }
        portions.push_back(sub);
      }
      std::string file = moduleFile(*l, last);
      if (!file.empty()) {
        m.found = true;
        m.file = (fs::path(dir) / file).string();
        return m;
      }
    }
    if (!portions.empty()) {
      m.found = m.isPackage = true;
      m.searchPath = std::move(portions);
    }
    return m;
  }

  static std::string moduleFile(const Store::Listing& l, const std::string& name) {
    const std::string prefix = name + ".";
    std::string source;
    std::string bytecode;
    for (auto it = l.files.lower_bound(prefix); it != l.files.end() && it->starts_with(prefix);
         ++it) {
      std::string_view rest = std::string_view(*it).substr(prefix.size());
      if (rest == "py") source = *it;
      else if (rest == "pyc") bytecode = *it;
      else if (rest == "so" || rest == "pyd" ||
               ((rest.ends_with(".so") || rest.ends_with(".pyd")) &&
                std::count(rest.begin(), rest.end(), '.') == 1))
        return *it; // extension modules come first in Python's finder
    }
    return source.empty() ? bytecode : source;
  }

  /// Queues what `imports` (scanned from a module of package `package`) load.
  void follow(const std::vector<PyImport>& imports, const std::string& package,
              std::vector<std::string>& work) {
    // A `try:` whose imports all resolve makes its `except` fallbacks dead code.
    std::set<int> failedTries;
    for (const PyImport& imp : imports) {
      if (imp.tryId < 0 || imp.inExcept) continue;
      for (const std::string& target : targetsOf(imp, package, /*checkOnly=*/true)) {
        if (!importable(target)) failedTries.insert(imp.tryId);
      }
    }
    for (const PyImport& imp : imports) {
      if (imp.inExcept && !failedTries.contains(imp.tryId)) continue;
      for (std::string& target : targetsOf(imp, package, /*checkOnly=*/false))
        work.push_back(std::move(target));
    }
  }

  /// Whether `name` can be imported: found in the dependency folders, or a standard library
  /// module (which the runtime has).
  bool importable(const std::string& name) {
    if (costs_.isStdlib("python", name)) return true;
    return resolve(name).found;
  }

  /// The modules an import statement loads. `checkOnly`: just the modules whose absence
  /// raises ImportError (a from-import's module, an import's names).
  std::vector<std::string> targetsOf(const PyImport& imp, const std::string& package,
                                     bool checkOnly) {
    std::vector<std::string> out;
    if (!imp.isFrom) return imp.names;
    std::string base;
    if (imp.level > 0) {
      if (package.empty()) return out; // a relative import outside a package fails
      const std::vector<std::string_view> parts = split(package, '.');
      if (size_t(imp.level - 1) >= parts.size()) return out;
      const size_t keep = parts.size() - size_t(imp.level - 1);
      for (size_t k = 0; k < keep; ++k) {
        if (k) base += '.';
        base += parts[k];
      }
      if (!imp.module.empty()) base += "." + imp.module;
    } else {
      base = imp.module;
    }
    out.push_back(base);
    if (checkOnly) return out;
    const PyModule& b = resolve(base);
    if (b.found && b.isPackage) {
      for (const std::string& n : imp.names) {
        std::string sub = base + "." + n;
        if (resolve(sub).found) out.push_back(std::move(sub));
      }
    }
    return out;
  }

  const Store& store_;
  const ImportCosts& costs_;
  const std::vector<std::string>& roots_;
  const std::function<std::shared_ptr<const std::vector<PyImport>>(const std::string&)>& scan_;
  std::unordered_map<std::string, PyModule> memo_;
};

// ------------------------------------------------------------------------------------------
// JavaScript weighing.

class JavaScriptWeigher {
public:
  JavaScriptWeigher(const Store& store, const ImportCosts& costs, std::vector<std::string> extraRoots)
      : store_(store), costs_(costs), extraRoots_(std::move(extraRoots)) {}

  /// Resolves a bare specifier through `roots` (node_modules folders, nearest first). Returns
  /// the real path of the file, or "".
  std::string resolveBare(const std::string& spec, const std::vector<std::string>& roots) {
    std::string name;
    std::string subpath;
    if (!splitSpecifier(spec, name, subpath)) return {};
    for (const std::string& nm : roots) {
      const fs::path pkg = fs::path(nm) / name;
      if (!isDirectory(pkg)) continue;
      std::string file = resolveInPackage(pkg, subpath);
      if (!file.empty()) return file;
    }
    return {};
  }

  /// Resolves a specifier found in `file` (relative, bare, or a package-internal `#import`).
  std::string resolveFrom(const std::string& spec, const fs::path& dir) {
    if (isRelativeSpecifier(spec)) {
      std::string s = spec == "." || spec == ".." ? spec + "/" : spec;
      fs::path p = s.starts_with("/") ? fs::path(s) : dir / s;
      return loadAsFileOrDirectory(p.lexically_normal());
    }
    if (spec.starts_with("#")) return resolveImportsField(spec, dir);
    if (isNodeBuiltin(spec, costs_)) return {};
    return resolveBare(spec, dependencyRoots(dir));
  }

  ModuleWeight weigh(const std::string& entry,
                     const std::function<std::shared_ptr<const std::vector<std::string>>(
                         const std::string&)>& scan) {
    ModuleWeight w;
    std::vector<std::string> work{entry};
    std::unordered_set<std::string> counted;
    while (!work.empty()) {
      std::string file = std::move(work.back());
      work.pop_back();
      const auto size = countOnce(w, counted, file);
      if (w.truncated) break;
      if (!size) continue;
      if (*size > kMaxScanBytes ||
          !(hasExtension(file, ".js") || hasExtension(file, ".cjs") || hasExtension(file, ".mjs")))
        continue;
      const fs::path dir = fs::path(file).parent_path();
      for (const std::string& spec : *scan(file)) {
        std::string target = resolveFrom(spec, dir);
        if (!target.empty() && !counted.contains(target)) work.push_back(std::move(target));
      }
    }
    return w;
  }

private:
  static bool splitSpecifier(const std::string& spec, std::string& name, std::string& subpath) {
    if (spec.empty() || spec.front() == '.' || spec.front() == '/' || spec.front() == '#' ||
        spec.find('\\') != std::string::npos || spec.find('\0') != std::string::npos)
      return false;
    size_t slash = spec.find('/');
    if (spec.front() == '@') {
      if (slash == std::string::npos || slash == 1) return false;
      slash = spec.find('/', slash + 1);
    }
    name = spec.substr(0, slash);
    subpath = slash == std::string::npos ? "" : spec.substr(slash);
    const std::vector<std::string_view> parts = split(name, '/');
    return std::none_of(parts.begin(), parts.end(), [](std::string_view p) {
      return p.empty() || p == "." || p == "..";
    }) && subpath.find("/../") == std::string::npos && !subpath.ends_with("/..");
  }

  std::vector<std::string> dependencyRoots(const fs::path& dir) {
    auto it = rootsMemo_.find(dir.string());
    if (it != rootsMemo_.end()) return it->second;
    std::vector<std::string> roots = *store_.nodeChain(dir, kDependencyLevels);
    for (const std::string& r : extraRoots_)
      if (std::find(roots.begin(), roots.end(), r) == roots.end()) roots.push_back(r);
    return rootsMemo_.emplace(dir.string(), std::move(roots)).first->second;
  }

  std::string resolveInPackage(const fs::path& pkg, const std::string& subpath) {
    auto pj = store_.packageJson(pkg.string());
    if (pj) {
      auto ex = pj->find("exports");
      if (ex != pj->end() && !ex->is_null()) {
        std::string file = resolveExports(*ex, "." + subpath, pkg);
        if (!file.empty()) return file;
      }
    }
    if (!subpath.empty()) return loadAsFileOrDirectory((pkg / subpath.substr(1)).lexically_normal());
    return loadAsDirectory(pkg);
  }

  /// `exports` of package `pkg` for the subpath "." or "./x".
  std::string resolveExports(const Json& exports, const std::string& sub, const fs::path& pkg) {
    bool subpathMap = false;
    if (exports.is_object())
      for (const auto& kv : exports.items()) subpathMap = subpathMap || kv.key().starts_with(".");
    if (!subpathMap) return sub == "." ? resolveTarget(exports, pkg, "", false, 0) : "";
    return resolveMapped(exports, sub, pkg, false);
  }

  /// A subpath map (`exports` with "./x" keys, or `imports` with "#x" keys): an exact key, or
  /// the pattern with one `*` and the longest prefix that matches.
  std::string resolveMapped(const Json& map, const std::string& key, const fs::path& pkg,
                            bool allowBare) {
    auto exact = map.find(key);
    if (exact != map.end()) return resolveTarget(*exact, pkg, "", allowBare, 0);
    const Json* best = nullptr;
    size_t bestPrefix = 0;
    std::string star;
    for (const auto& kv : map.items()) {
      const std::string& k = kv.key();
      const size_t s = k.find('*');
      if (s == std::string::npos || k.find('*', s + 1) != std::string::npos) continue;
      const std::string_view prefix = std::string_view(k).substr(0, s);
      const std::string_view suffix = std::string_view(k).substr(s + 1);
      if (key.size() < prefix.size() + suffix.size() || !key.starts_with(prefix) ||
          !key.ends_with(suffix))
        continue;
      if (best && prefix.size() <= bestPrefix) continue;
      best = &kv.value();
      bestPrefix = prefix.size();
      star = key.substr(prefix.size(), key.size() - prefix.size() - suffix.size());
    }
    return best ? resolveTarget(*best, pkg, star, allowBare, 0) : "";
  }

  /// An exports/imports target: a "./file" string (with `*` replaced), an array of
  /// alternatives, or an object of conditions (Node's require conditions in the object's
  /// order, then `import`).
  std::string resolveTarget(const Json& t, const fs::path& pkg, const std::string& star,
                            bool allowBare, int depth) {
    if (depth > 32) return {};
    if (t.is_string()) {
      std::string s = t.get<std::string>();
      for (size_t p = s.find('*'); p != std::string::npos; p = s.find('*', p + star.size()))
        s.replace(p, 1, star);
      if (s.starts_with("./")) {
        const fs::path p = (pkg / s.substr(2)).lexically_normal();
        if (!isUnder(p, pkg)) return {};
        return loadAsFileOrDirectory(p);
      }
      if (allowBare && !isRelativeSpecifier(s) && !s.starts_with("#")) {
        if (isNodeBuiltin(s, costs_)) return {};
        return resolveBare(s, dependencyRoots(pkg));
      }
      return {};
    }
    if (t.is_array()) {
      for (const Json& e : t) {
        std::string r = resolveTarget(e, pkg, star, allowBare, depth + 1);
        if (!r.empty()) return r;
      }
      return {};
    }
    if (!t.is_object()) return {};
    for (const auto& kv : t.items()) {
      if (kv.key() == "require" || kv.key() == "node" || kv.key() == "module-sync" ||
          kv.key() == "default") {
        std::string r = resolveTarget(kv.value(), pkg, star, allowBare, depth + 1);
        if (!r.empty()) return r;
      }
    }
    auto imp = t.find("import");
    if (imp != t.end()) return resolveTarget(*imp, pkg, star, allowBare, depth + 1);
    return {};
  }

  static bool isUnder(const fs::path& p, const fs::path& dir) {
    const std::string ps = p.string();
    const std::string ds = dir.lexically_normal().string();
    return ps.size() > ds.size() && ps.starts_with(ds) && ps[ds.size()] == '/';
  }

  /// `#name` through the `imports` field of the nearest package.json above `dir`.
  std::string resolveImportsField(const std::string& spec, const fs::path& dir) {
    fs::path d = dir;
    for (int level = 0; level < kDependencyLevels; ++level) {
      auto pj = store_.packageJson(d.string());
      if (pj) {
        auto im = pj->find("imports");
        if (im == pj->end() || !im->is_object()) return {};
        return resolveMapped(*im, spec, d, /*allowBare=*/true);
      }
      if (d.filename() == "node_modules") return {};
      fs::path parent = d.parent_path();
      if (parent.empty() || parent == d) break;
      d = std::move(parent);
    }
    return {};
  }

  std::string loadAsFileOrDirectory(const fs::path& p) {
    std::string f = loadAsFile(p);
    return f.empty() ? loadAsDirectory(p) : f;
  }

  static std::string loadAsFile(const fs::path& p) {
    if (p.filename().empty()) return {};
    if (isRegularFile(p)) return realPath(p);
    for (const char* ext : {".js", ".cjs", ".mjs", ".json", ".node"}) {
      fs::path q = p;
      q += ext;
      if (isRegularFile(q)) return realPath(q);
    }
    return {};
  }

  static std::string loadIndex(const fs::path& p) {
    for (const char* index : {"index.js", "index.json", "index.node"})
      if (isRegularFile(p / index)) return realPath(p / index);
    return {};
  }

  std::string loadAsDirectory(const fs::path& p) {
    if (!isDirectory(p)) return {};
    if (auto pj = store_.packageJson(p.string())) {
      auto main = pj->find("main");
      if (main != pj->end() && main->is_string() && !main->get<std::string>().empty()) {
        const fs::path m = (p / main->get<std::string>()).lexically_normal();
        std::string f = loadAsFile(m);
        if (f.empty()) f = loadIndex(m);
        if (!f.empty()) return f;
      }
    }
    return loadIndex(p);
  }

  const Store& store_;
  const ImportCosts& costs_;
  std::vector<std::string> extraRoots_;
  std::unordered_map<std::string, std::vector<std::string>> rootsMemo_;
};

std::optional<ModuleWeight> Store::weighPython(const ImportCosts& costs, const std::string& fromFile,
                                               const std::string& module) const {
  if (!isDottedName(module)) return std::nullopt;
  auto roots = pythonRootsFor(folderOf(fromFile));
  if (roots->empty()) return std::nullopt;
  std::string key = "py";
  for (const std::string& r : *roots) key += "\n" + r;
  key += '\0' + module + '\0' + std::to_string(stdlibId(costs, "python"));
  return cached(results, key, [&]() -> std::optional<ModuleWeight> {
    std::function<std::shared_ptr<const std::vector<PyImport>>(const std::string&)> scan =
        [this](const std::string& file) {
          return cached(pyScans, file, [&] {
            std::string text;
            if (!readFile(file, text)) text.clear();
            return std::make_shared<const std::vector<PyImport>>(scanPython(text));
          });
        };
    PythonWeigher pw(*this, costs, *roots, scan);
    const std::string top = module.substr(0, module.find('.'));
    if (!pw.resolve(top).found) return std::nullopt;
    ModuleWeight w = pw.weigh(module);
    if (w.files == 0) return std::nullopt;
    // Where it was found: the deepest part of the dotted name that resolves.
    std::string name = module;
    while (true) {
      const PyModule& m = pw.resolve(name);
      if (m.found) {
        w.path = m.isPackage && !m.searchPath.empty() ? m.searchPath.front() : m.file;
        break;
      }
      const size_t dot = name.rfind('.');
      if (dot == std::string::npos) break;
      name.resize(dot);
    }
    return w;
  });
}

std::optional<ModuleWeight>
Store::weighJavaScript(const ImportCosts& costs, const std::string& fromFile,
                       const std::string& module) const {
  if (module.empty() || isRelativeSpecifier(module) || isNodeBuiltin(module, costs))
    return std::nullopt;
  const Roots extra = packageNodeModules();
  Roots roots = extra;
  for (const std::string& nm : *nodeChain(folderOf(fromFile), kHandlerLevels))
    if (std::find(roots.begin(), roots.end(), nm) == roots.end()) roots.push_back(nm);
  if (roots.empty()) return std::nullopt;
  JavaScriptWeigher jw(*this, costs, extra);
  const std::string entry = jw.resolveBare(module, roots);
  if (entry.empty()) return std::nullopt;
  return cached(results, "js\n" + entry + '\0' + std::to_string(stdlibId(costs, "javascript")), [&]() -> std::optional<ModuleWeight> {
    std::function<std::shared_ptr<const std::vector<std::string>>(const std::string&)> scan =
        [this](const std::string& file) {
          return cached(jsScans, file, [&] {
            std::string text;
            if (!readFile(file, text)) text.clear();
            return std::make_shared<const std::vector<std::string>>(scanJavaScript(text));
          });
        };
    ModuleWeight w = jw.weigh(entry, scan);
    if (w.files == 0) return std::nullopt;
    w.path = entry;
    return w;
  });
}

} // namespace

struct PackageWeigher::Impl {
  Store store;
};

PackageWeigher::PackageWeigher(const std::vector<std::string>& packageDirs)
    : impl_(std::make_unique<Impl>()) {
  for (const std::string& d : packageDirs) {
    if (d.empty()) continue;
    std::string real = realPath(d);
    impl_->store.packageDirs.emplace_back(real.empty() ? fs::path(d) : fs::path(real));
  }
}

PackageWeigher::~PackageWeigher() = default;

std::optional<ModuleWeight> PackageWeigher::weigh(const ImportCosts& costs, Language language,
                                                  const std::string& fromFile, const std::string& module) const {
  switch (language) {
  case Language::Python:
    return impl_->store.weighPython(costs, fromFile, module);
  case Language::JavaScript:
  case Language::TypeScript:
  case Language::Tsx:
    return impl_->store.weighJavaScript(costs, fromFile, module);
  case Language::Cpp:
    break;
  }
  return std::nullopt;
}

} // namespace ll

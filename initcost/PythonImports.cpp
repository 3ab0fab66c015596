// Python: a line-based scanner for the imports a module runs when it is imported.
#include "initcost/WeigherSupport.h"

#include "core/Strings.h"

#include <map>

namespace ll::weigherdetail {

namespace {

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

} // namespace

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

namespace {

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

} // namespace

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

} // namespace ll::weigherdetail

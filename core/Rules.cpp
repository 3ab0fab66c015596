// Rule pages (docs/rules/<id>.md, embedded in the binary) and the names of the enums every output
// format spells out.
#include "core/Rules.h"

#include "core/Diagnostic.h"
#include "core/EmbeddedData.h"
#include "core/Model.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ll {

const char* levelName(Level l) {
  switch (l) {
  case Level::Note: return "note";
  case Level::Warning: return "warning";
  case Level::Error: return "error";
  }
  return "warning";
}

const char* applicabilityName(Applicability a) {
  switch (a) {
  case Applicability::Safe: return "safe";
  case Applicability::Unsafe: return "unsafe";
  case Applicability::DisplayOnly: return "display-only";
  }
  return "display-only";
}

const char* languageName(Language l) {
  switch (l) {
  case Language::Python: return "python";
  case Language::JavaScript: return "javascript";
  case Language::TypeScript: return "typescript";
  case Language::Tsx: return "tsx";
  case Language::Cpp: return "cpp";
  }
  return "python";
}

const char* catalogueLanguage(Language l) {
  switch (l) {
  case Language::Python: return "python";
  case Language::JavaScript:
  case Language::TypeScript:
  case Language::Tsx: return "javascript";
  case Language::Cpp: return "cpp";
  }
  return "python";
}

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isAsciiPunct(char c) { return c > 0x20 && c < 0x7f && !std::isalnum(static_cast<unsigned char>(c)); }
bool isWordChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string collapseWhitespace(std::string_view s) {
  std::string out;
  bool pendingSpace = false;
  for (char c : s) {
    if (isSpace(c)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += c;
  }
  return out;
}

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? text.size() - start : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  if (!lines.empty() && lines.back().empty() && !text.empty() && text.back() == '\n') lines.pop_back();
  return lines;
}

size_t leadingSpaces(std::string_view line) {
  size_t n = 0;
  for (char c : line) {
    if (c == ' ') ++n;
    else if (c == '\t') n += 4 - n % 4;
    else break;
  }
  return n;
}

// A fence opener/closer: up to 3 spaces, then 3+ backticks or tildes.
// (A plain struct rather than std::optional: clang-tidy's unchecked-optional-access analysis
// takes minutes on the line loops below when they hold an optional.)
struct Fence {
  char ch = 0;
  size_t length = 0; // 0: no fence
  explicit operator bool() const { return length != 0; }
};

Fence fenceOf(std::string_view line) {
  if (leadingSpaces(line) > 3) return {};
  std::string_view s = trim(line);
  if (s.size() < 3 || (s[0] != '`' && s[0] != '~')) return {};
  size_t n = 0;
  while (n < s.size() && s[n] == s[0]) ++n;
  if (n < 3) return {};
  // A backtick fence's info string cannot contain backticks.
  if (s[0] == '`' && s.substr(n).find('`') != std::string_view::npos) return {};
  return Fence{s[0], n};
}

bool closesFence(std::string_view line, const Fence& open) {
  if (leadingSpaces(line) > 3) return false;
  std::string_view s = trim(line);
  if (s.size() < open.length) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return c == open.ch; });
}

// ATX heading: level and text, or level 0.
int headingLevel(std::string_view line, std::string_view* text = nullptr) {
  if (leadingSpaces(line) > 3) return 0;
  std::string_view s = trim(line);
  int level = 0;
  while (level < static_cast<int>(s.size()) && s[level] == '#') ++level;
  if (level == 0 || level > 6) return 0;
  if (level < static_cast<int>(s.size()) && s[level] != ' ' && s[level] != '\t') return 0;
  if (text) {
    std::string_view t = trim(s.substr(level));
    // Optional closing sequence of #s.
    size_t end = t.size();
    while (end > 0 && t[end - 1] == '#') --end;
    if (end == 0 || t[end - 1] == ' ' || t[end - 1] == '\t') t = trim(t.substr(0, end));
    *text = t;
  }
  return level;
}

bool isThematicBreakOrUnderline(std::string_view line) {
  std::string_view s = trim(line);
  if (s.size() < 2) return false;
  char c = s[0];
  if (c != '-' && c != '=' && c != '*' && c != '_') return false;
  size_t count = 0;
  for (char x : s) {
    if (x == c) ++count;
    else if (x != ' ' && x != '\t') return false;
  }
  return c == '=' ? count >= 1 : count >= 3;
}

// Length of a list marker ("- ", "* ", "+ ", "1. ", "1) ") at the start of `s`, or 0.
size_t listMarkerLength(std::string_view s) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t'))
    return 2;
  size_t i = 0;
  while (i < s.size() && i < 9 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && (s[i + 1] == ' ' || s[i + 1] == '\t'))
    return i + 2;
  return 0;
}

// Length of the backtick run starting at s[i].
size_t backtickRun(std::string_view s, size_t i) {
  size_t n = 0;
  while (i + n < s.size() && s[i + n] == '`') ++n;
  return n;
}

// Position of the closing backtick run of exactly `n` after `from`, or npos.
size_t findCodeClose(std::string_view s, size_t from, size_t n) {
  size_t i = from;
  while (i < s.size()) {
    if (s[i] == '`') {
      size_t r = backtickRun(s, i);
      if (r == n) return i;
      i += r;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

// Index just past the bracket that closes s[open] ('[' or '('), skipping code spans and escapes.
size_t matchBracket(std::string_view s, size_t open) {
  char o = s[open];
  char c = o == '[' ? ']' : ')';
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '`' && o == '[') {
      size_t r = backtickRun(s, i);
      size_t close = findCodeClose(s, i + r, r);
      if (close != std::string_view::npos) {
        i = close + r - 1;
        continue;
      }
      i += r - 1;
      continue;
    }
    if (s[i] == o) ++depth;
    else if (s[i] == c && --depth == 0) return i + 1;
  }
  return std::string_view::npos;
}

std::string inlineToPlain(std::string_view s);

// Emphasis delimiter run of `*` or `_` at s[i]: can it open or close?
bool canOpen(std::string_view s, size_t i, size_t n) {
  char next = i + n < s.size() ? s[i + n] : ' ';
  char prev = i > 0 ? s[i - 1] : ' ';
  if (isSpace(next)) return false;
  if (s[i] == '_' && isWordChar(prev)) return false; // intraword underscore: snake_case
  return isSpace(prev) || isAsciiPunct(prev) || !isAsciiPunct(next);
}

bool canClose(std::string_view s, size_t i, size_t n) {
  char next = i + n < s.size() ? s[i + n] : ' ';
  char prev = i > 0 ? s[i - 1] : ' ';
  if (isSpace(prev)) return false;
  if (s[i] == '_' && isWordChar(next)) return false;
  return isSpace(next) || isAsciiPunct(next) || !isAsciiPunct(prev);
}

// The closing delimiter run for an opener at s[i] of length n, or npos.
size_t findEmphasisClose(std::string_view s, size_t i, size_t n) {
  char d = s[i];
  size_t j = i + n;
  while (j < s.size()) {
    if (s[j] == '\\') {
      j += 2;
      continue;
    }
    if (s[j] == '`') {
      size_t r = backtickRun(s, j);
      size_t close = findCodeClose(s, j + r, r);
      j = close == std::string_view::npos ? j + r : close + r;
      continue;
    }
    if (s[j] == d) {
      size_t r = 0;
      while (j + r < s.size() && s[j + r] == d) ++r;
      if (r == n && j > i + n && canClose(s, j, r)) return j;
      j += r;
      continue;
    }
    ++j;
  }
  return std::string_view::npos;
}

bool looksLikeAutolink(std::string_view inner) {
  if (inner.empty() || inner.find_first_of(" <>\t\n") != std::string_view::npos) return false;
  size_t colon = inner.find(':');
  if (colon != std::string_view::npos && colon >= 2 && colon <= 32) {
    return std::all_of(inner.begin(), inner.begin() + colon, [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '.' || c == '-';
    });
  }
  size_t at = inner.find('@');
  return at != std::string_view::npos && at > 0 && inner.find('.', at) != std::string_view::npos;
}

// Link destination out of the text between the parentheses: drops <...> and a title.
std::string linkDestination(std::string_view inside) {
  inside = trim(inside);
  if (!inside.empty() && inside.front() == '<') {
    size_t close = inside.find('>');
    if (close != std::string_view::npos) return std::string(inside.substr(1, close - 1));
  }
  size_t sp = inside.find_first_of(" \t\n");
  return std::string(sp == std::string_view::npos ? inside : inside.substr(0, sp));
}

std::string inlineToPlain(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && isAsciiPunct(s[i + 1])) {
      out += s[i + 1];
      i += 2;
      continue;
    }
    if (c == '`') {
      size_t n = backtickRun(s, i);
      size_t close = findCodeClose(s, i + n, n);
      if (close == std::string_view::npos) {
        out.append(n, '`');
        i += n;
        continue;
      }
      std::string_view code = s.substr(i + n, close - i - n);
      if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' &&
          code.find_first_not_of(' ') != std::string_view::npos) {
        code = code.substr(1, code.size() - 2);
      }
      out += code;
      i = close + n;
      continue;
    }
    if (c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) {
      size_t open = c == '!' ? i + 1 : i;
      size_t close = matchBracket(s, open);
      if (close != std::string_view::npos) {
        std::string text = inlineToPlain(s.substr(open + 1, close - open - 2));
        if (close < s.size() && s[close] == '(') {
          size_t end = matchBracket(s, close);
          if (end != std::string_view::npos) {
            std::string url = linkDestination(s.substr(close + 1, end - close - 2));
            if (text.empty() || text == url) out += url;
            else if (url.empty()) out += text;
            else {
              out += text;
              out += " (";
              out += url;
              out += ')';
            }
            i = end;
            continue;
          }
        } else if (close < s.size() && s[close] == '[') {
          // Reference link: keep the text.
          size_t end = matchBracket(s, close);
          if (end != std::string_view::npos) {
            out += text;
            i = end;
            continue;
          }
        }
      }
      out += c;
      ++i;
      continue;
    }
    if (c == '<') {
      size_t close = s.find('>', i + 1);
      if (close != std::string_view::npos) {
        std::string_view inner = s.substr(i + 1, close - i - 1);
        if (looksLikeAutolink(inner)) {
          out += inner;
          i = close + 1;
          continue;
        }
        if (inner.size() >= 5 && inner.substr(0, 3) == "!--") {
          size_t end = s.find("-->", i + 4);
          if (end != std::string_view::npos) {
            i = end + 3;
            continue;
          }
        }
      }
      out += c;
      ++i;
      continue;
    }
    if (c == '*' || c == '_') {
      size_t n = 0;
      while (i + n < s.size() && s[i + n] == c) ++n;
      if (n <= 3 && canOpen(s, i, n)) {
        size_t close = findEmphasisClose(s, i, n);
        if (close != std::string_view::npos) {
          out += inlineToPlain(s.substr(i + n, close - i - n));
          i = close + n;
          continue;
        }
      }
      out.append(n, c);
      i += n;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

struct PlainLine {
  std::string text;
  bool code = false;     // a line of a code block, already indented
  bool listItem = false; // starts with a list marker
  bool heading = false;
};

// Markdown to plain text, line by line: headings become plain lines, fenced code is kept indented
// by four spaces without its fences, inline markup is removed and links read `text (url)`.
std::vector<PlainLine> markdownToPlainLines(std::string_view markdown) {
  std::vector<PlainLine> out;
  Fence fence;
  bool inComment = false;
  bool lastWasBlankOrCode = true;
  bool inList = false;
  for (std::string_view line : splitLines(markdown)) {
    if (fence) {
      if (closesFence(line, fence)) {
        fence = {};
        lastWasBlankOrCode = true;
        continue;
      }
      out.push_back({trim(line).empty() ? std::string() : "    " + std::string(line), true});
      continue;
    }
    if (inComment) {
      if (line.find("-->") != std::string_view::npos) inComment = false;
      continue;
    }
    std::string_view t = trim(line);
    if (t.empty()) {
      out.emplace_back();
      lastWasBlankOrCode = true;
      continue;
    }
    if (Fence f = fenceOf(line)) {
      fence = f;
      continue;
    }
    if (t.substr(0, 4) == "<!--") {
      if (t.find("-->") == std::string_view::npos) inComment = true;
      continue;
    }
    std::string_view heading;
    if (headingLevel(line, &heading)) {
      out.push_back({inlineToPlain(heading), false, false, true});
      lastWasBlankOrCode = false;
      inList = false;
      continue;
    }
    if (isThematicBreakOrUnderline(line) && listMarkerLength(t) == 0) {
      continue;
    }
    size_t indent = leadingSpaces(line);
    if (indent >= 4 && lastWasBlankOrCode && !inList) {
      // Indented code block: keep as is.
      out.push_back({std::string(line), true});
      lastWasBlankOrCode = true;
      continue;
    }
    lastWasBlankOrCode = false;
    // Block quotes.
    while (!t.empty() && t.front() == '>') t = trim(t.substr(1));
    std::string prefix(std::min<size_t>(indent, 8), ' ');
    if (size_t m = listMarkerLength(t)) {
      inList = true;
      std::string marker(t.substr(0, m));
      if (marker[0] == '*' || marker[0] == '+') marker[0] = '-';
      out.push_back({prefix + marker + inlineToPlain(t.substr(m)), false, true});
      continue;
    }
    if (indent == 0) inList = false;
    out.push_back({prefix + inlineToPlain(t)});
  }
  return out;
}

// Renders plain lines, collapsing runs of blank lines and trimming blank lines at both ends.
// With `joinParagraphs`, the soft-wrapped lines of each paragraph become one line.
std::string renderPlain(const std::vector<PlainLine>& lines, bool joinParagraphs) {
  std::string text;
  bool pendingBlank = false;
  bool prevJoinable = false;
  for (const PlainLine& l : lines) {
    std::string_view t = trim(l.text);
    if (t.empty()) {
      pendingBlank = !text.empty();
      prevJoinable = false;
      continue;
    }
    if (joinParagraphs && prevJoinable && !pendingBlank && !l.code && !l.listItem && !l.heading) {
      text.pop_back(); // the newline
      text += ' ';
      text += t;
      text += '\n';
      continue;
    }
    if (pendingBlank) text += '\n';
    pendingBlank = false;
    text += l.code || !joinParagraphs ? std::string_view(l.text) : t;
    text += '\n';
    prevJoinable = !l.code && !l.heading;
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::string markdownToPlain(std::string_view markdown) {
  return renderPlain(markdownToPlainLines(markdown), false);
}

bool isWhatItDoesHeading(std::string_view heading) {
  std::string h;
  for (char c : heading) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == ' ')
      h += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return trim(h) == "what it does";
}

// First sentence of a Markdown paragraph: up to the first period followed by whitespace (or the
// end) outside inline code, keeping the period.
std::string_view firstSentence(std::string_view para) {
  size_t i = 0;
  while (i < para.size()) {
    char c = para[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '`') {
      size_t n = backtickRun(para, i);
      size_t close = findCodeClose(para, i + n, n);
      i = close == std::string_view::npos ? i + n : close + n;
      continue;
    }
    if (c == '.' && (i + 1 == para.size() || isSpace(para[i + 1]))) {
      // Not after the common abbreviations.
      std::string before;
      for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k)
        before += static_cast<char>(std::tolower(static_cast<unsigned char>(para[k])));
      bool abbreviation = before.size() == 3 && (before == "e.g" || before == "i.e") &&
                          (i < 4 || !isWordChar(para[i - 4]));
      if (!abbreviation) return para.substr(0, i + 1);
    }
    ++i;
  }
  return para;
}

} // namespace

RuleDoc parseRuleDoc(std::string_view markdown) {
  RuleDoc doc;
  doc.markdown = std::string(markdown);
  doc.plainText = markdownToPlain(markdown);

  // Find the "What it does" section (outside code fences).
  std::vector<std::string_view> lines = splitLines(markdown);
  Fence fence;
  bool inSection = false;
  int sectionLevel = 0;
  std::string section;
  for (std::string_view line : lines) {
    if (fence) {
      if (closesFence(line, fence)) fence = {};
      if (inSection) {
        section += line;
        section += '\n';
      }
      continue;
    }
    if (Fence f = fenceOf(line)) {
      fence = f;
      if (inSection) {
        section += line;
        section += '\n';
      }
      continue;
    }
    std::string_view heading;
    if (int level = headingLevel(line, &heading)) {
      if (inSection && level <= sectionLevel) break;
      if (!inSection && isWhatItDoesHeading(heading)) {
        inSection = true;
        sectionLevel = level;
        continue;
      }
    }
    if (inSection) {
      section += line;
      section += '\n';
    }
  }
  doc.whatItDoes = renderPlain(markdownToPlainLines(section), true);

  // The summary comes from the first paragraph of the section.
  std::string_view rest = section;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    if (!trim(line).empty()) break;
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  size_t paraEnd = 0;
  while (paraEnd < rest.size()) {
    size_t nl = rest.find('\n', paraEnd);
    std::string_view line = rest.substr(paraEnd, nl == std::string_view::npos ? std::string_view::npos : nl - paraEnd);
    if (trim(line).empty() || fenceOf(line)) break;
    paraEnd = nl == std::string_view::npos ? rest.size() : nl + 1;
  }
  doc.summary = collapseWhitespace(inlineToPlain(firstSentence(trim(rest.substr(0, paraEnd)))));
  return doc;
}

const RuleDoc& ruleDoc(std::string_view id) {
  // Parsed once, on first use; function-local static initialisation is thread-safe.
  static const std::map<std::string, RuleDoc, std::less<>> docs = [] {
    std::map<std::string, RuleDoc, std::less<>> m;
    for (const embedded::Doc& d : embedded::ruleDocs()) m.emplace(std::string(d.id), parseRuleDoc(d.markdown));
    return m;
  }();
  auto it = docs.find(id);
  if (it == docs.end()) throw std::out_of_range("no documentation for rule `" + std::string(id) + "`");
  return it->second;
}

} // namespace ll

// Rule pages (docs/rules/<id>.md, embedded in the binary) and their plain text.
//
// md4c parses the page; the callbacks below write it out as plain lines. The plain text keeps the
// page's line structure: each source line of a paragraph stays a line (with its indentation), a
// blank line is kept where the page has one, headings become plain lines, list items keep a marker
// (`-` for bullets), code blocks are kept indented by four spaces without their fences, inline
// markup goes, links read `text (url)`, and HTML comments go. md4c gives blocks, spans and text;
// the line structure, the indentation and the list markers are read back from the page through
// the text's positions in it.
#include "core/RuleDocs.h"

#include "core/EmbeddedData.h"
#include "core/Strings.h"

#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ll {

namespace {

bool isWordChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
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

// What a character of plain text came from: prose, or code, an escaped character or a link's
// target (which never end a sentence).
constexpr char kProse = 'p';
constexpr char kLiteral = 'l';

struct PlainLine {
  std::string text;
  std::string kinds;     // kProse or kLiteral for each character of `text`
  bool code = false;     // a line of a code block, already indented
  bool listItem = false; // starts with a list marker
  bool heading = false;
};

struct Heading {
  size_t line = 0; // its index among the plain lines
  int level = 0;
  std::string text;
};

std::string attributeText(const MD_ATTRIBUTE& a) {
  std::string s;
  for (unsigned i = 0; a.substr_offsets != nullptr && a.substr_offsets[i] < a.size; ++i)
    s.append(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
  return s;
}

// The md4c callbacks: builds the plain lines of a page and the list of its top-level headings.
class PlainWriter {
public:
  explicit PlainWriter(std::string_view markdown) : md_(markdown) {
    lineStart_.push_back(0);
    for (size_t i = 0; i < md_.size(); ++i)
      if (md_[i] == '\n') lineStart_.push_back(i + 1);
  }

  void run() {
    MD_PARSER parser{};
    parser.flags = 0; // CommonMark
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* self) { return static_cast<PlainWriter*>(self)->enterBlock(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void*, void* self) { return static_cast<PlainWriter*>(self)->leaveBlock(t); };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* self) { return static_cast<PlainWriter*>(self)->enterSpan(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void*, void* self) { return static_cast<PlainWriter*>(self)->leaveSpan(t); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* self) {
      return static_cast<PlainWriter*>(self)->text(t, s, n);
    };
    md_parse(md_.data(), static_cast<MD_SIZE>(md_.size()), &parser, this);
  }

  std::vector<PlainLine> lines;
  std::vector<Heading> headings; // ATX headings at the top level, in order

private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  // A link or image being written: where its text starts, and its target.
  struct Link {
    size_t line = kNone;  // index of its line (kNone: its line is not open yet)
    size_t start = 0;     // offset of its text in that line
    std::string url;
    const char* firstText = nullptr;
    bool image = false;
  };

  bool inPage(const char* p) const { return p >= md_.data() && p < md_.data() + md_.size(); }

  size_t sourceLineOf(const char* p) const {
    auto offset = static_cast<size_t>(p - md_.data());
    return static_cast<size_t>(std::upper_bound(lineStart_.begin(), lineStart_.end(), offset) - lineStart_.begin()) - 1;
  }

  std::string_view sourceLine(size_t i) const {
    size_t end = i + 1 < lineStart_.size() ? lineStart_[i + 1] - 1 : md_.size();
    std::string_view line = md_.substr(lineStart_[i], end - lineStart_[i]);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }

  // Before writing what source line `src` holds: a blank line if the page has one since the
  // last line written (or skipped, as an HTML comment is).
  void advanceTo(size_t src) {
    if (last_ != kNone && src > last_ + 1) {
      for (size_t i = last_ + 1; i < src; ++i) {
        if (trim(sourceLine(i)).empty()) {
          lines.emplace_back();
          break;
        }
      }
    }
    if (last_ == kNone || src > last_) last_ = src;
  }

  void openLine(const char* p) {
    size_t src = inPage(p) ? sourceLineOf(p) : (last_ == kNone ? 0 : last_);
    advanceTo(src);
    PlainLine line;
    std::string_view raw = sourceLine(src);
    if (inHeading_ && headingTopLevel_ && headingAtx_ == kNone) {
      std::string_view t = trim(raw);
      headingAtx_ = !t.empty() && t.front() == '#' ? 1 : 0;
    }
    if (inHeading_ && headingTopLevel_ && headingAtx_ == 1) {
      line.heading = true;
      headingLine_ = lines.size();
    } else {
      line.text.assign(std::min<size_t>(leadingSpaces(raw), 8), ' ');
      if (listMarkerPending_) {
        std::string_view t = trim(raw);
        while (!t.empty() && t.front() == '>') t = trim(t.substr(1));
        if (size_t m = listMarkerLength(t)) {
          std::string marker(t.substr(0, m));
          if (marker[0] == '*' || marker[0] == '+') marker[0] = '-';
          line.text += marker;
          line.listItem = true;
        }
      }
    }
    listMarkerPending_ = false;
    line.kinds.assign(line.text.size(), kProse);
    lines.push_back(std::move(line));
    open_ = true;
    for (Link& l : links_) {
      if (l.line == kNone) {
        l.line = lines.size() - 1;
        l.start = lines.back().text.size();
      }
    }
  }

  void append(const char* p, std::string_view s, char kind) {
    if (!open_) openLine(p);
    lines.back().text += s;
    lines.back().kinds.append(s.size(), kind);
  }

  // The source lines a code or HTML block spans, from the positions of its text.
  void noteBlockLine(const char* p) {
    if (!inPage(p)) return;
    size_t src = sourceLineOf(p);
    if (blockFirst_ == kNone || src < blockFirst_) blockFirst_ = src;
    if (blockLast_ == kNone || src > blockLast_) blockLast_ = src;
  }

  int enterBlock(MD_BLOCKTYPE type, void* detail) {
    bool topLevel = blocks_.size() == 1;
    blocks_.push_back(type);
    open_ = false;
    switch (type) {
    case MD_BLOCK_H:
      inHeading_ = true;
      headingTopLevel_ = topLevel;
      headingAtx_ = kNone;
      headingLevel_ = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
      headingLine_ = kNone;
      break;
    case MD_BLOCK_LI: listMarkerPending_ = true; break;
    case MD_BLOCK_CODE:
      fenced_ = static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->fence_char != 0;
      [[fallthrough]];
    case MD_BLOCK_HTML:
      blockFirst_ = blockLast_ = kNone;
      blockText_.clear();
      break;
    default: break;
    }
    return 0;
  }

  int leaveBlock(MD_BLOCKTYPE type) {
    blocks_.pop_back();
    open_ = false;
    switch (type) {
    case MD_BLOCK_H:
      if (headingLine_ != kNone) headings.push_back({headingLine_, headingLevel_, lines[headingLine_].text});
      inHeading_ = false;
      break;
    case MD_BLOCK_LI: listMarkerPending_ = false; break;
    case MD_BLOCK_CODE:
      if (blockFirst_ == kNone) break;
      advanceTo(blockFirst_);
      for (size_t i = blockFirst_; i <= blockLast_; ++i) {
        std::string_view raw = sourceLine(i);
        PlainLine line;
        line.code = true;
        if (!trim(raw).empty()) line.text = fenced_ ? "    " + std::string(raw) : std::string(raw);
        line.kinds.assign(line.text.size(), kLiteral);
        lines.push_back(std::move(line));
      }
      last_ = std::max(last_, blockLast_);
      break;
    case MD_BLOCK_HTML:
      if (blockFirst_ == kNone) break;
      if (trim(blockText_).starts_with("<!--")) {
        // A comment: skipped, blank lines inside it too.
        last_ = last_ == kNone ? blockLast_ : std::max(last_, blockLast_);
        break;
      }
      for (size_t i = blockFirst_; i <= blockLast_; ++i) {
        std::string_view raw = sourceLine(i);
        advanceTo(i);
        if (trim(raw).empty()) continue;
        PlainLine line;
        line.text = std::string(std::min<size_t>(leadingSpaces(raw), 8), ' ') + std::string(trim(raw));
        line.kinds.assign(line.text.size(), kProse);
        lines.push_back(std::move(line));
      }
      break;
    default: break;
    }
    return 0;
  }

  int enterSpan(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_A || type == MD_SPAN_IMG) {
      Link l;
      l.image = type == MD_SPAN_IMG;
      l.url = l.image ? attributeText(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src)
                      : attributeText(static_cast<MD_SPAN_A_DETAIL*>(detail)->href);
      if (open_) {
        l.line = lines.size() - 1;
        l.start = lines.back().text.size();
      }
      links_.push_back(std::move(l));
    }
    return 0;
  }

  int leaveSpan(MD_SPANTYPE type) {
    if ((type != MD_SPAN_A && type != MD_SPAN_IMG) || links_.empty()) return 0;
    Link l = std::move(links_.back());
    links_.pop_back();
    // An autolink (<https://...>, <a@b.c>) reads as written.
    bool autolink = !l.image && l.firstText != nullptr && inPage(l.firstText) && l.firstText > md_.data() &&
                    l.firstText[-1] == '<';
    if (autolink || l.url.empty()) return 0;
    if (l.line == kNone) { // no text at all
      append(nullptr, l.url, kLiteral);
      return 0;
    }
    PlainLine& line = lines[l.line];
    bool sameLine = l.line + 1 == lines.size();
    if (sameLine && (l.start == line.text.size() || line.text.compare(l.start, std::string::npos, l.url) == 0)) {
      line.text.replace(l.start, std::string::npos, l.url);
      line.kinds.replace(l.start, std::string::npos, l.url.size(), kLiteral);
      return 0;
    }
    std::string suffix = " (" + l.url + ")";
    lines.back().text += suffix;
    lines.back().kinds.append(suffix.size(), kLiteral);
    return 0;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE n) {
    std::string_view t(s, n);
    MD_BLOCKTYPE block = blocks_.empty() ? MD_BLOCK_DOC : blocks_.back();
    if (block == MD_BLOCK_CODE || block == MD_BLOCK_HTML) {
      noteBlockLine(s);
      blockText_ += t;
      return 0;
    }
    for (Link& l : links_)
      if (l.firstText == nullptr) l.firstText = s;
    switch (type) {
    case MD_TEXT_SOFTBR:
    case MD_TEXT_BR: open_ = false; break;
    case MD_TEXT_CODE: append(s, t, kLiteral); break;
    case MD_TEXT_HTML:
      if (!t.starts_with("<!--")) append(s, t, kProse);
      break;
    case MD_TEXT_NULLCHAR: append(s, std::string_view("\0", 1), kProse); break;
    default: {
      // md4c gives a backslash-escaped character as a text of its own, just after the backslash.
      bool escaped = n == 1 && inPage(s) && s > md_.data() && s[-1] == '\\';
      append(s, t, escaped ? kLiteral : kProse);
      break;
    }
    }
    return 0;
  }

  std::string_view md_;
  std::vector<size_t> lineStart_; // offset of each source line
  std::vector<MD_BLOCKTYPE> blocks_;
  std::vector<Link> links_;
  size_t last_ = kNone; // the last source line written or skipped
  bool open_ = false;   // text goes on the last line
  bool listMarkerPending_ = false;
  bool inHeading_ = false;
  bool headingTopLevel_ = false;
  size_t headingAtx_ = kNone; // 1: `#` heading, 0: setext (written as a paragraph), kNone: not known yet
  int headingLevel_ = 0;
  size_t headingLine_ = kNone; // the plain line of a top-level `#` heading
  bool fenced_ = false;
  size_t blockFirst_ = kNone;
  size_t blockLast_ = kNone;
  std::string blockText_;
};

// Renders plain lines, collapsing runs of blank lines and trimming blank lines at both ends.
// With `joinParagraphs`, the soft-wrapped lines of each paragraph become one line.
std::string renderPlain(std::span<const PlainLine> lines, bool joinParagraphs) {
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

bool isWhatItDoesHeading(std::string_view heading) {
  std::string h;
  for (char c : heading) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == ' ') h += c;
  }
  return iequals(trim(h), "what it does");
}

// The first sentence of the first paragraph of `lines`: up to the first period of prose followed
// by a space of prose (or the end), keeping the period, with whitespace collapsed. A period in
// code, an escaped one and one of "e.g." or "i.e." end no sentence.
std::string firstSentence(std::span<const PlainLine> lines) {
  size_t i = 0;
  while (i < lines.size() && trim(lines[i].text).empty()) ++i;
  std::string text;
  std::string kinds;
  for (; i < lines.size() && !lines[i].code && !trim(lines[i].text).empty(); ++i) {
    if (!text.empty()) {
      text += ' ';
      kinds += kProse;
    }
    text += lines[i].text;
    kinds += lines[i].kinds;
  }
  for (size_t k = 0; k < text.size(); ++k) {
    if (text[k] != '.' || kinds[k] != kProse) continue;
    bool atEnd = k + 1 == text.size() || (isSpace(text[k + 1]) && kinds[k + 1] == kProse);
    if (!atEnd) continue;
    std::string_view before = std::string_view(text).substr(k >= 3 ? k - 3 : 0, std::min<size_t>(k, 3));
    bool abbreviation = (iequals(before, "e.g") || iequals(before, "i.e")) &&
                        (k < 4 || !isWordChar(text[k - 4]));
    if (!abbreviation) return collapseWhitespace(text.substr(0, k + 1));
  }
  return collapseWhitespace(text);
}

} // namespace

RuleDoc parseRuleDoc(std::string_view markdown) {
  RuleDoc doc;
  doc.markdown = std::string(markdown);
  PlainWriter writer(markdown);
  writer.run();
  const std::vector<PlainLine>& lines = writer.lines;
  doc.plainText = renderPlain(lines, false);

  // The "What it does" section: up to the next heading of its level or above.
  const std::vector<Heading>& headings = writer.headings;
  auto it = std::find_if(headings.begin(), headings.end(), [](const Heading& h) { return isWhatItDoesHeading(h.text); });
  if (it != headings.end()) {
    size_t begin = it->line + 1;
    size_t end = lines.size();
    auto next = std::find_if(it + 1, headings.end(), [&](const Heading& h) { return h.level <= it->level; });
    if (next != headings.end()) end = next->line;
    std::span<const PlainLine> section(lines.data() + begin, end - begin);
    doc.whatItDoes = renderPlain(section, true);
    doc.summary = firstSentence(section);
  }
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

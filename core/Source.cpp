#include "core/Source.h"

#include <algorithm>

namespace ll {

namespace {
// Length of the UTF-8 sequence starting at s[i], or 0 if it is not well-formed.
size_t utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  uint32_t cp = 0;
  if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return 0;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}
} // namespace

bool isValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t n = utf8SequenceLength(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

uint32_t codePointCount(std::string_view text) {
  uint32_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    size_t n = utf8SequenceLength(text, i);
    i += n == 0 ? 1 : n;
  }
  return count;
}

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  asciiLine_.push_back(1);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (static_cast<unsigned char>(text_[i]) >= 0x80) asciiLine_.back() = 0;
    // A line ends at \n, or at a \r not followed by \n (old Mac line endings).
    const bool lineEnd = text_[i] == '\n' ||
                         (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'));
    if (lineEnd) {
      lineStarts_.push_back(static_cast<uint32_t>(i + 1));
      asciiLine_.push_back(1);
    }
  }
  constexpr size_t kCheckpointBytes = 4096;
  for (size_t l = 0; l < lineStarts_.size(); ++l) {
    const size_t b = lineStarts_[l];
    const size_t e = l + 1 < lineStarts_.size() ? lineStarts_[l + 1] : text_.size();
    if (asciiLine_[l] != 0 || e - b <= kCheckpointBytes) continue;
    auto& marks = checkpoints_[static_cast<uint32_t>(l)];
    uint32_t count = 0;
    for (size_t i = b, next = b + kCheckpointBytes; i < e; ++count) {
      if (i >= next) {
        marks.emplace_back(static_cast<uint32_t>(i), count);
        next = i + kCheckpointBytes;
      }
      const size_t n = utf8SequenceLength(text_, i);
      i += n == 0 ? 1 : n;
    }
  }
}

std::string_view SourceFile::slice(ByteRange r) const {
  uint32_t b = std::min<uint32_t>(r.begin, text_.size());
  uint32_t e = std::min<uint32_t>(std::max(r.end, b), text_.size());
  return std::string_view(text_).substr(b, e - b);
}

Position SourceFile::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text_.size());
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - lineStarts_.begin());
  uint32_t start = lineStarts_[line - 1];
  if (asciiLine_[line - 1] != 0) return {line, offset - start + 1};
  uint32_t before = 0;
  if (auto c = checkpoints_.find(line - 1); c != checkpoints_.end()) {
    auto mark = std::upper_bound(c->second.begin(), c->second.end(), offset,
                                 [](uint32_t o, const std::pair<uint32_t, uint32_t>& m) { return o < m.first; });
    if (mark != c->second.begin()) {
      --mark;
      start = mark->first;
      before = mark->second;
    }
  }
  return {line, before + codePointCount(std::string_view(text_).substr(start, offset - start)) + 1};
}

uint32_t SourceFile::offset(Position p) const {
  if (p.line < 1) return 0;
  if (p.line > lineStarts_.size()) return static_cast<uint32_t>(text_.size());
  std::string_view line = lineText(p.line);
  uint32_t i = 0;
  for (uint32_t col = 1; col < p.column && i < line.size(); ++col) {
    size_t n = utf8SequenceLength(line, i);
    i += n == 0 ? 1 : static_cast<uint32_t>(n);
  }
  return lineStarts_[p.line - 1] + i;
}

std::string_view SourceFile::lineText(uint32_t line) const {
  if (line < 1 || line > lineStarts_.size()) return {};
  uint32_t b = lineStarts_[line - 1];
  uint32_t e = line < lineStarts_.size() ? lineStarts_[line] : static_cast<uint32_t>(text_.size());
  std::string_view s = std::string_view(text_).substr(b, e - b);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

uint32_t SourceFile::lineEndWithNewline(uint32_t line) const {
  if (line >= lineStarts_.size()) return static_cast<uint32_t>(text_.size());
  return lineStarts_[line];
}

bool SourceFile::aloneOnLines(ByteRange r) const {
  // The line of the range's last byte: a range that ends with its line's newline ends there.
  const uint32_t first = position(r.begin).line, lastLine = position(r.end > r.begin ? r.end - 1 : r.end).line;
  const std::string_view before = std::string_view(text_).substr(lineStart(first), r.begin - lineStart(first));
  const std::string_view last = lineText(lastLine);
  const size_t endInLine = std::min<size_t>(last.size(), r.end - lineStart(lastLine));
  auto blank = [](std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; };
  return blank(before) && blank(last.substr(endInLine));
}

std::string_view SourceFile::indentationAt(uint32_t offset) const {
  std::string_view line = lineText(position(offset).line);
  size_t n = line.find_first_not_of(" \t");
  return line.substr(0, n == std::string_view::npos ? line.size() : n);
}

} // namespace ll

#pragma once
// A source file held in memory, with the position arithmetic every output format needs.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ll {

/// Half-open byte range [begin, end) into a SourceFile's text.
struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin >= end; }
  bool contains(const ByteRange& o) const { return begin <= o.begin && o.end <= end; }
  bool operator==(const ByteRange&) const = default;
};

/// 1-based line and column. Columns count Unicode code points (an invalid UTF-8 byte counts as
/// one), which is what text, JSON and SARIF (`columnKind: unicodeCodePoints`) report.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
};

class SourceFile {
public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  std::string_view slice(ByteRange r) const;

  Position position(uint32_t offset) const;
  /// Byte offset of a 1-based line/column position (inverse of position()).
  uint32_t offset(Position p) const;
  uint32_t lineCount() const { return static_cast<uint32_t>(lineStarts_.size()); }
  /// Text of a 1-based line without its line terminator.
  std::string_view lineText(uint32_t line) const;
  uint32_t lineStart(uint32_t line) const { return lineStarts_.at(line - 1); }
  /// Byte offset just past the line terminator of `line` (or end of text).
  uint32_t lineEndWithNewline(uint32_t line) const;
  /// Only spaces and tabs precede `r` on its first line and follow it on its last line.
  bool aloneOnLines(ByteRange r) const;
  /// Leading whitespace of the line holding `offset`.
  std::string_view indentationAt(uint32_t offset) const;

private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
  /// Per line: only ASCII bytes, so that a column is its byte offset (long minified lines made
  /// counting code points from the line's start quadratic).
  std::vector<char> asciiLine_;
  /// Long lines with other bytes: every few KiB, a byte offset and the code points before it on
  /// its line, so that a column is counted from the nearest one.
  std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, uint32_t>>> checkpoints_;
};

/// True if `text` is well-formed UTF-8.
bool isValidUtf8(std::string_view text);
/// Number of code points in `text` (an invalid byte counts as one).
uint32_t codePointCount(std::string_view text);

} // namespace ll

#include "core/Glob.h"

#include <vector>

namespace ll {

namespace {

/// `*` matches any run of characters, `?` (when `question`) any one; the rest match themselves.
bool wildcardMatch(std::string_view pattern, std::string_view text, bool question) {
  size_t p = 0, t = 0, starP = std::string_view::npos, starT = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      starP = p++;
      starT = t;
    } else if (p < pattern.size() && ((question && pattern[p] == '?') || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (starP != std::string_view::npos) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

/// One path segment: `*` and `?` never cross a '/', as there is none inside a segment.
bool segmentMatch(std::string_view pattern, std::string_view text) { return wildcardMatch(pattern, text, true); }

std::vector<std::string_view> segments(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t slash = s.find('/', start);
    if (slash == std::string_view::npos) slash = s.size();
    if (slash > start) out.push_back(s.substr(start, slash - start)); // "a//b" is "a/b"
    start = slash + 1;
  }
  return out;
}

/// Pattern segments [pi, end) against path segments [ti, end). `prefixOk`: the pattern may end
/// before the path does (it matched a directory the path lies in).
bool matchSegments(const std::vector<std::string_view>& pat, size_t pi,
                   const std::vector<std::string_view>& path, size_t ti, bool prefixOk) {
  if (pi == pat.size()) return ti == path.size() || prefixOk;
  if (pat[pi] == "**") {
    for (size_t k = ti; k <= path.size(); ++k)
      if (matchSegments(pat, pi + 1, path, k, prefixOk)) return true;
    return false;
  }
  if (ti == path.size()) return false;
  return segmentMatch(pat[pi], path[ti]) && matchSegments(pat, pi + 1, path, ti + 1, prefixOk);
}

} // namespace

bool globMatch(std::string_view pattern, std::string_view text) { return wildcardMatch(pattern, text, false); }

const char* pathGlobError(std::string_view pattern) {
  if (pattern.empty() || pattern == "/") return "an empty pattern";
  for (std::string_view seg : segments(pattern)) {
    if (seg == "**") continue;
    if (seg.find("**") != std::string_view::npos)
      return "'**' must be a whole path segment (`**/x`, `a/**`)";
    if (seg == "." || seg == "..") return "'.' and '..' segments are not allowed";
  }
  return nullptr;
}

bool pathGlobMatch(std::string_view pattern, std::string_view path, bool isDirectory) {
  if (pattern.empty()) return false;
  bool dirOnly = false;
  if (pattern.back() == '/') {
    dirOnly = true;
    pattern.remove_suffix(1);
  }
  const bool anchored = pattern.find('/') != std::string_view::npos;
  if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  const std::vector<std::string_view> pat = segments(pattern);
  const std::vector<std::string_view> segs = segments(path);
  if (pat.empty() || segs.empty()) return false;
  // A directory-only pattern matches the path itself when it is a directory, or any directory
  // the path lies in (a prefix of its segments, never its last one when it is a file).
  // The folders the path lies in: a pattern that matches a run of them ending before the last
  // segment matches a folder that holds the path.
  const std::vector<std::string_view> folders(segs.begin(), segs.end() - 1);
  auto tryAt = [&](size_t start) {
    if (matchSegments(pat, 0, segs, start, false)) return !dirOnly || isDirectory;
    return start < folders.size() && matchSegments(pat, 0, folders, start, true);
  };
  if (anchored) return tryAt(0);
  for (size_t start = 0; start < segs.size(); ++start)
    if (tryAt(start)) return true;
  return false;
}

} // namespace ll

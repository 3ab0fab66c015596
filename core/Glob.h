#pragma once
#include <string_view>

namespace ll {
/// Glob match where `*` matches any (possibly empty) run of characters and every other
/// character matches itself.
bool globMatch(std::string_view pattern, std::string_view text);

/// Matches a path pattern as .gitignore does against `path`, a '/'-separated path relative to
/// the directory the pattern was written in:
///   `*` any run of characters but '/', `?` one character but '/', `**` as a whole segment any
///   number of segments (`**/x`, `a/**/b`, `a/**`); a pattern without '/' (other than a
///   trailing one) matches the last segment at any depth (`*.min.js`, `generated`); a trailing
///   '/' matches directories only. A pattern matching a directory matches everything in it.
bool pathGlobMatch(std::string_view pattern, std::string_view path, bool isDirectory);

/// Why `pattern` is not a valid path pattern, or empty.
const char* pathGlobError(std::string_view pattern);
} // namespace ll

#pragma once
// Small string helpers shared by the parts: ASCII only, locale-independent.
#include <string>
#include <string_view>
#include <vector>

namespace ll {

/// The ASCII whitespace characters (what std::isspace accepts in the "C" locale).
inline constexpr std::string_view kWhitespace = " \t\n\r\f\v";

/// `c` is ASCII whitespace (one of kWhitespace).
bool isSpace(char c);
/// `s` without the leading and trailing characters that are in `chars`.
std::string_view trim(std::string_view s, std::string_view chars = kWhitespace);
/// Runs of whitespace become one space; leading and trailing whitespace goes.
std::string collapseWhitespace(std::string_view s);
/// The fields of `s` between the separators, empty ones included ("a,,b" gives "a", "", "b").
std::vector<std::string_view> split(std::string_view s, char sep);

/// ASCII lowercase ('A'-'Z' only).
char lower(char c);
std::string lower(std::string_view s);
/// Equal but for ASCII case.
bool iequals(std::string_view a, std::string_view b);
/// `s` starts with `prefix`, but for ASCII case.
bool istartsWith(std::string_view s, std::string_view prefix);

} // namespace ll

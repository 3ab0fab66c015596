#pragma once
#include <string_view>

namespace ll {
/// Glob match where `*` matches any (possibly empty) run of characters and every other
/// character matches itself.
bool globMatch(std::string_view pattern, std::string_view text);
} // namespace ll

#pragma once
// Language-independent pieces of writing edits: naming new module-level symbols, shortening
// code for fix descriptions.
#include "core/Model.h"

#include <string>
#include <string_view>

namespace ll {

/// `base` made unique among the module's names by a numeric suffix (`_s3`, `_s3_2`, ...).
std::string uniqueModuleName(const Module& m, const std::string& base);
/// A name part derived from a call: the variable it is assigned to, else its service and last
/// callee segment (`s3_client`), else the last callee segment without a `get_` prefix.
std::string nameBaseForCall(const Module& m, const Call& call);
/// First line of `code`, cut to `max` characters with an ellipsis, for fix descriptions.
std::string abbreviate(std::string_view code, size_t max = 48);

} // namespace ll

#pragma once
// Rule metadata. The prose of every rule lives in its page (core/RuleDocs.h).
#include "core/Diagnostic.h"

#include <string_view>
#include <vector>

namespace ll {

struct RuleInfo {
  std::string_view id;          // "client-in-handler"
  std::string_view name;        // "ClientInHandler" (SARIF reportingDescriptor.name)
  Level defaultLevel = Level::Warning;
  std::vector<std::string_view> tags;      // "performance", "cold-start", ...
  std::vector<std::string_view> languages; // "python", "javascript", ...
  std::string_view fixAvailability;        // "sometimes", "always", "none"
};

} // namespace ll

#pragma once
// Rule metadata. The prose of every rule lives in docs/rules/<id>.md, compiled into the binary;
// --explain, --list-rules and SARIF rule help are all generated from those pages.
#include "core/Diagnostic.h"

#include <string>
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

/// The doc page of a rule, and what generated outputs derive from it.
struct RuleDoc {
  std::string markdown;     // the whole page
  std::string summary;      // first sentence of "What it does"
  std::string whatItDoes;   // the "What it does" section, plain text
  std::string plainText;    // the whole page with Markdown markup removed
};

/// The doc page of `id`; throws std::out_of_range if there is none.
const RuleDoc& ruleDoc(std::string_view id);
/// Extracts the sections generated outputs use from a rule page (exposed for tests).
RuleDoc parseRuleDoc(std::string_view markdown);

} // namespace ll

#pragma once
// Rule pages. The prose of every rule lives in docs/rules/<id>.md, compiled into the binary;
// --explain prints the page, and --list-rules, JSON and SARIF rule help show its plain text.
#include <string>
#include <string_view>

namespace ll {

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

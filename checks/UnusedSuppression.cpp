// unused-suppression: inline suppressions that suppress nothing, name no lambda-lint rule, name
// one twice, or are malformed. Documentation: docs/rules/unused-suppression.md.
#include "checks/UnusedSuppression.h"

#include "core/Suppressions.h"

#include <algorithm>

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = kUnusedSuppressionRule,
    .name = "UnusedSuppression",
    .defaultLevel = Level::Warning,
    .tags = {"suppressions", "maintainability"},
    .languages = {"python", "javascript", "typescript", "cpp"},
    .fixAvailability = "sometimes",
};

/// The rule is registered like any other (--list-rules, --select, --ignore, --explain, SARIF),
/// but its findings depend on every other rule's: applyInlineSuppressions makes them once all
/// checks ran on the file.
class UnusedSuppression final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }
  bool judgesOtherRules() const override { return true; }
};

/// The name RuleInfo::languages uses for a file's language.
std::string_view ruleLanguage(Language l) {
  return l == Language::Tsx ? std::string_view("typescript") : std::string_view(languageName(l));
}

} // namespace

std::unique_ptr<Check> makeUnusedSuppression() { return std::make_unique<UnusedSuppression>(); }

void applyInlineSuppressions(const Module& module, const std::vector<const Check*>& ran,
                             std::vector<Finding>& findings, std::vector<Notice>& notices) {
  if (module.comments.empty()) return;
  SuppressionRules rules;
  bool reportUnused = false;
  for (const Check* c : ran) {
    rules.ran.emplace_back(c->info().id);
    reportUnused = reportUnused || c->info().id == kUnusedSuppressionRule;
  }
  rules.everyApplicableRuleRan = true;
  for (const auto& c : allChecks()) {
    const RuleInfo& info = c->info();
    (c->onPackages() ? rules.packageRules : rules.sourceRules).emplace_back(info.id);
    if (!c->onPackages() && std::ranges::count(info.languages, ruleLanguage(module.language)) &&
        !std::ranges::count(ran, c.get()))
      rules.everyApplicableRuleRan = false;
  }
  SuppressionOptions options;
  options.noLint = module.language == Language::Cpp;
  options.reportUnused = reportUnused;
  options.findingsComplete = !module.hasSyntaxErrors;
  SuppressionResult result = applySuppressions(module, findings, rules, options);
  for (SuppressionProblem& p : result.problems) {
    if (!reportUnused) {
      notices.push_back({Level::Warning, module.file->path(), module.file->position(p.range.begin), p.message});
      continue;
    }
    Finding f;
    f.rule = std::string(kInfo.id);
    f.level = kInfo.defaultLevel;
    f.file = module.file;
    f.range = p.range;
    f.message = std::move(p.message);
    if (!p.edits.empty())
      f.fixes.push_back({std::move(p.fixDescription), Applicability::Safe, std::move(p.edits), {}});
    findings.push_back(std::move(f));
  }
}

} // namespace ll

// heavy-init: a handler module whose eager imports are estimated to cost more Init time than
// the budget. Documentation: docs/rules/heavy-init.md.
#include "checks/Check.h"

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = "heavy-init",
    .name = "HeavyInit",
    .defaultLevel = Level::Warning,
    .tags = {"performance", "cold-start", "init", "lambda"},
    .languages = {"python", "javascript", "typescript"},
    .fixAvailability = "none",
};

class HeavyInit final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }

  void run(const CheckContext& ctx, std::vector<Finding>& out) const override {
    const InitEstimate& est = ctx.init;
    const double budget = ctx.costs.options().initBudgetMs;
    if (!est.computed || est.ms <= budget || est.contributors.empty()) return;
    const Module& m = ctx.module;
    const InitContributor& top = est.contributors.front();
    Finding f;
    f.rule = std::string(kInfo.id);
    f.level = kInfo.defaultLevel;
    f.file = m.file;
    f.range = m.imports[top.import].range;
    std::string parts;
    size_t shown = 0;
    for (const InitContributor& c : est.contributors) {
      if (c.ms <= 0 || shown == 3) break;
      parts += (shown++ ? ", " : "") + c.module + " " + formatMs(c.ms);
    }
    f.message = "module-scope imports cost about " + formatMs(est.ms) +
                " of every cold start's Init, over the " + formatMs(budget) + " budget (" + parts +
                "); import what only some invocations need lazily";
    for (const InitContributor& c : est.contributors) {
      if (c.ms <= 0 || c.import == est.contributors.front().import) continue;
      if (f.related.size() >= 8) break;
      f.related.push_back({m.imports[c.import].range,
                           "`" + c.module + "` adds " + formatMs(c.ms) +
                               (c.source == CostSource::Weighed  ? " (weighed from its code size)"
                                : c.source == CostSource::Project ? " (what this module of the project imports)"
                                                                  : "")});
    }
    f.metrics = {{"estimatedInitMs", est.ms}, {"budgetMs", budget}};
    out.push_back(std::move(f));
  }
};

} // namespace

std::unique_ptr<Check> makeHeavyInit() { return std::make_unique<HeavyInit>(); }

} // namespace ll

#include "output/OutputInit.h"

#include <cmath>

namespace ll {

namespace {
double rounded(double ms) { return std::round(ms * 10) / 10; }
} // namespace

nlohmann::ordered_json initEstimatesJson(
    const RunResult& run, const std::function<nlohmann::ordered_json(const SourceFile&)>& location,
    bool snake) {
  using ordered_json = nlohmann::ordered_json;
  auto key = [&](const char* snakeKey, const char* camelKey) { return snake ? snakeKey : camelKey; };
  ordered_json out = ordered_json::array();
  for (const RunResult::FileInit& fi : run.initEstimates) {
    const InitEstimate& est = fi.init;
    ordered_json j = ordered_json::object();
    j[key("path", "location")] = location(*fi.file);
    j["handlers"] = est.handlers;
    j[key("estimated_ms", "estimatedMs")] = rounded(est.ms);
    j[key("budget_ms", "budgetMs")] = rounded(est.budgetMs);
    j[key("over_budget", "overBudget")] = est.ms > est.budgetMs;
    ordered_json contributors = ordered_json::array();
    for (const InitContributor& c : est.contributors) {
      ordered_json jc = ordered_json::object();
      jc["module"] = c.module;
      jc["ms"] = rounded(c.ms);
      jc[key("own_ms", "ownMs")] = rounded(c.fullMs);
      jc["source"] = costSourceName(c.source);
      if (c.bytes) jc["bytes"] = c.bytes;
      if (!c.loadedBy.empty()) jc[key("loaded_by", "loadedBy")] = c.loadedBy;
      if (fi.file) jc["line"] = fi.file->position(c.range.begin).line;
      contributors.push_back(std::move(jc));
    }
    j["contributors"] = std::move(contributors);
    j["unmeasured"] = est.unmeasured;
    out.push_back(std::move(j));
  }
  return out;
}

} // namespace ll

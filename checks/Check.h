#pragma once
// A check: one rule, language-neutral, working on the program model.
#include "core/Analysis.h"
#include "core/Catalogue.h"
#include "core/Diagnostic.h"
#include "core/Editor.h"
#include "core/InitCost.h"
#include "core/Model.h"
#include "core/Rules.h"

#include <memory>
#include <vector>

namespace ll {

/// Everything a check may read about one file. Built once per file, shared by all checks.
struct CheckContext {
  const Module& module;
  const Catalogue& catalogue;
  const InvocationAnalysis& invocation;
  const Editor& editor;
  /// Figures for each of module.imports, and the module's Init estimate.
  const ImportCostModel& costs;
  const std::vector<ImportWeight>& importWeights;
  const InitEstimate& init;
};

class Check {
public:
  virtual ~Check() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void run(const CheckContext& ctx, std::vector<Finding>& out) const = 0;
};

/// All checks, in a stable order (the order of --list-rules and of SARIF rules).
const std::vector<std::unique_ptr<Check>>& allChecks();
/// The check with id `id`, or nullptr.
const Check* findCheck(std::string_view id);

} // namespace ll

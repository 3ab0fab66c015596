#pragma once
// A check: one rule, language-neutral, working on the program model.
#include "core/Analysis.h"
#include "core/Catalogue.h"
#include "core/Diagnostic.h"
#include "core/Editor.h"
#include "initcost/InitCost.h"
#include "core/Model.h"
#include "package/Package.h"
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

/// Settings of the package rules.
struct PackageOptions {
  /// package-too-large warns above this share of each quota (errors above the quota itself).
  double budgetShare = 0.8;
  /// package-dev-artifacts reports a package whose dev artifacts reach this many bytes...
  uint64_t devArtifactsMinBytes = 1024ull * 1024;
  /// ...or this share of the package.
  double devArtifactsMinShare = 0.05;
};

/// Everything a package rule may read about one deployment package. Built once per package.
struct PackageContext {
  const Package& package;
  const PackageAnalysis& analysis;
  /// The layers given with --layer, which count toward a function's unzipped quota.
  uint64_t layersUnzippedBytes = 0;
  size_t layerCount = 0;
  const PackageOptions& options;
  /// What findings point at: the archive or folder (a SourceFile with no text).
  std::shared_ptr<const SourceFile> artifact;
};

/// A rule. Source rules implement run(CheckContext); package rules implement
/// runPackage(PackageContext) and say so with onPackages(). One registry serves both, so
/// --list-rules, --select, --explain and SARIF treat them alike.
class Check {
public:
  virtual ~Check() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void run(const CheckContext& /*ctx*/, std::vector<Finding>& /*out*/) const {}
  virtual bool onPackages() const { return false; }
  /// Its findings are about the other rules' findings on the file (unused-suppression), so it
  /// runs after all of them and never alone (the clang-tidy module, which runs one check at a
  /// time, does not offer it).
  virtual bool judgesOtherRules() const { return false; }
  virtual void runPackage(const PackageContext& /*ctx*/, std::vector<Finding>& /*out*/) const {}
};

/// All checks, in a stable order (the order of --list-rules and of SARIF rules).
const std::vector<std::unique_ptr<Check>>& allChecks();
/// The check with id `id`, or nullptr.
const Check* findCheck(std::string_view id);

} // namespace ll

#pragma once
// What a module's imports cost at Init: each module-scope import's figure (measured in the
// import-cost catalogue, or weighed from the dependency folder the handler deploys with), and
// the estimate for the whole module with what several imports load in common counted once.
// Computed once per file, shared by the checks (eager-heavy-import, heavy-init) and the output.
#include "initcost/ImportCosts.h"
#include "core/Model.h"
#include "core/Project.h"
#include "initcost/PackageWeigher.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ll {

/// Thresholds, from the command line (and later the configuration file).
struct InitCostOptions {
  /// A measured module is heavy from this import time on. The default sits in the widest gap
  /// of data/import-costs.yaml: above the cheap modules (lxml.etree 12 ms, lodash 11 ms, yaml
  /// 10 ms, logging 7 ms) and below the first ones worth loading lazily (@smithy/smithy-client
  /// 20 ms, urllib.request and PIL.Image 21 ms, jsonwebtoken 21 ms).
  double heavyImportMs = 15;
  /// A weighed module (not in the catalogue) is heavy from this many bytes of loaded code.
  /// 0 (the default): when its estimated time (bytes times the language's measured ms per
  /// byte) reaches heavyImportMs.
  uint64_t heavyImportBytes = 0;
  /// heavy-init fires when a module's estimate exceeds this: one large library that every
  /// invocation needs fits with boto3 (pandas 192 ms and boto3 124 ms estimate to about 305 ms
  /// together), a second one does not (matplotlib.pyplot 236 ms, scipy.stats 216 ms).
  double initBudgetMs = 400;
};

/// Project: one of the project's own modules (core/Project.h), costing what it imports in turn.
enum class CostSource { None, Measured, Weighed, Stdlib, Project };
const char* costSourceName(CostSource s); // "none", "measured", "weighed", "stdlib", "project"

/// The figure for one import record.
struct ImportWeight {
  CostSource source = CostSource::None;
  std::string key;      // catalogue key ("pandas") or the weighed module's name
  double ms = 0;        // import time (measured, or estimated from bytes)
  uint64_t bytes = 0;   // code bytes loaded, when known
  std::string where;    // weighed: the file or folder it was found at
  std::vector<std::string> loads; // measured: other catalogued modules it brings in; project:
                                  // what its imports weigh under, and what those load
  /// Project: the modules it imports in turn that have no figures (they may load anything).
  std::vector<std::string> unknownLoads;
  bool heavy = false;
};

struct InitContributor {
  std::string module;   // as imported
  std::string key;      // catalogue key or weighed module
  CostSource source = CostSource::None;
  double ms = 0;        // what it adds to the estimate after what others already loaded
  double fullMs = 0;    // its own figure
  uint64_t bytes = 0;
  std::string loadedBy; // set when another import already loads all of it
  int import = -1;      // first Import record
  ByteRange range;      // its import statement
};

struct InitEstimate {
  bool computed = false;        // false: no handler in the file, no imports, or C++
  double ms = 0;
  double budgetMs = 0;          // the file's Init budget (heavy-init fires above it)
  std::vector<InitContributor> contributors; // by contribution, largest first
  std::vector<std::string> unmeasured;       // third-party modules with no figure
  std::vector<std::string> handlers;         // qualified names of the file's entry points
};

class ImportCostModel {
public:
  ImportCostModel(const ImportCosts& costs, const PackageWeigher* weigher, InitCostOptions options)
      : costs_(costs), weigher_(weigher), options_(options) {}

  /// One ImportWeight per Module::imports entry (module-scope, run-time imports get figures).
  /// With the project's facts, an import of one of the project's own modules costs what that
  /// module imports at Init (CostSource::Project).
  std::vector<ImportWeight> weigh(const Module& m, const ProjectFacts* facts = nullptr) const;
  /// The Init estimate of the module's eager imports (all module-scope imports except
  /// TypeScript imports that the compiler erases). Only computed for files with entry points,
  /// and never for C++ (no import-time cost model).
  InitEstimate estimate(const Module& m, const std::vector<ImportWeight>& weights) const;

  const InitCostOptions& options() const { return options_; }
  const ImportCosts& costs() const { return costs_; }

private:
  /// The figure for one import of a module at `path` in `language`, by the name it is weighed
  /// under (Python: the canonical name; JavaScript: the specifier).
  ImportWeight weighOne(Language language, const std::string& path, const Import& imp) const;
  const ImportCosts& costs_;
  const PackageWeigher* weigher_;
  InitCostOptions options_;
};

/// TypeScript erases an import whose names are used in type positions only, or not at all.
bool erasedByTypeScript(const Module& m, size_t import);

/// "238 ms", "1.2 s", "0.4 ms".
std::string formatMs(double ms);

} // namespace ll

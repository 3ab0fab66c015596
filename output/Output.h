#pragma once
// Output formats. Each writer gets the whole run: findings sorted by path, line and column, the
// notices, and the statistics for the summary.
#include "checks/Check.h"
#include "core/Diagnostic.h"
#include "initcost/InitCost.h"
#include "package/Package.h"
#include "output/SarifLimits.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ll {

struct RunResult {
  std::vector<Finding> findings; // sorted by path, then position
  std::vector<Notice> notices;
  size_t filesAnalyzed = 0;
  /// Fixes applied by --fix (for the summary), per file path.
  size_t fixesApplied = 0;
  bool unsafeFixesEnabled = false;
  /// The run applied fixes (--fix): findings are those found before fixing, and `remaining`
  /// says how many a new run would report.
  bool fixing = false;
  size_t remaining = 0;
  /// Init estimates of the files with entry points, in path order.
  struct FileInit {
    std::shared_ptr<const SourceFile> file;
    InitEstimate init;
  };
  std::vector<FileInit> initEstimates;
  /// Deployment packages read (functions first, then layers), with their analysis.
  struct PackageResult {
    Package package;
    PackageAnalysis analysis;
    double budgetShare = 0.8; // the share of each quota package-too-large warns above
  };
  std::vector<PackageResult> packages;
  uint64_t layersUnzippedBytes = 0;
  /// --baseline: the findings the baseline holds were left out of `findings`.
  struct BaselineUse {
    std::string path;
    size_t hidden = 0; // findings left out
    size_t absent = 0; // baseline results that matched no finding (fixed, or their code changed)
  };
  std::optional<BaselineUse> baseline;
};

struct OutputOptions {
  bool color = false;       // text only: ANSI colour
  bool showSource = true;   // text only: the source line and a caret under the finding
  /// Directory that relative SARIF URIs are relative to (%SRCROOT%), absolute.
  std::string srcRoot;
  /// The rules that were enabled for the run (SARIF lists them in tool.driver.rules).
  std::vector<const Check*> rules;
  std::string commandLine;  // SARIF invocation.commandLine
  /// SARIF: --sarif-category, GitHub code scanning's category (run.automationDetails.id is the
  /// category and '/'). Empty: no automationDetails, so upload-sarif's `category` input (or its
  /// default, the workflow, job and matrix) decides.
  std::string sarifCategory;
  /// SARIF versionControlProvenance, when the project is a git repository with a remote.
  struct VersionControl {
    std::string repositoryUri; // web URL, no credentials
    std::string revisionId;    // commit; may be empty
    std::string branch;        // may be empty (detached HEAD)
  };
  std::optional<VersionControl> versionControl;
  /// SARIF: what GitHub code scanning shows (see SarifLimits.h); more is left out and reported.
  SarifLimits sarifLimits;
  /// Where writers report what they left out (stderr); may be null.
  std::ostream* warnings = nullptr;
};

void writeText(std::ostream& os, const RunResult& run, const OutputOptions& opts);
void writeJson(std::ostream& os, const RunResult& run, const OutputOptions& opts);
void writeSarif(std::ostream& os, const RunResult& run, const OutputOptions& opts);
/// GitHub Actions workflow commands (`::warning file=...::message`), one per finding.
void writeGithub(std::ostream& os, const RunResult& run, const OutputOptions& opts);

/// --list-rules output.
void writeRuleListText(std::ostream& os, const std::vector<const Check*>& rules);
void writeRuleListJson(std::ostream& os, const std::vector<const Check*>& rules);

} // namespace ll

#pragma once
// Output formats. Each writer gets the whole run: findings sorted by path, line and column, the
// notices, and the statistics for the summary.
#include "checks/Check.h"
#include "core/Diagnostic.h"
#include "core/InitCost.h"
#include "core/Package.h"

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
};

struct OutputOptions {
  bool color = false;       // text only: ANSI colour
  bool showSource = true;   // text only: the source line and a caret under the finding
  /// Directory that relative SARIF URIs are relative to (%SRCROOT%), absolute.
  std::string srcRoot;
  /// The rules that were enabled for the run (SARIF lists them in tool.driver.rules).
  std::vector<const Check*> rules;
  std::string commandLine;  // SARIF invocation.commandLine
};

void writeText(std::ostream& os, const RunResult& run, const OutputOptions& opts);
void writeJson(std::ostream& os, const RunResult& run, const OutputOptions& opts);
void writeSarif(std::ostream& os, const RunResult& run, const OutputOptions& opts);
/// GitHub Actions workflow commands (`::warning file=...::message`), one per finding.
void writeGithub(std::ostream& os, const RunResult& run, const OutputOptions& opts);

/// --list-rules output.
void writeRuleListText(std::ostream& os, const std::vector<const Check*>& rules);
void writeRuleListJson(std::ostream& os, const std::vector<const Check*>& rules);

/// A stable fingerprint of a finding: rule, path and the finding's source text, not its line
/// number, so it survives unrelated edits above it (SARIF partialFingerprints, baselines).
std::string fingerprint(const Finding& f);

} // namespace ll

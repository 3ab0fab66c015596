#pragma once
// Command-line options of lambda-lint.
#include "config/Config.h"
#include "initcost/InitCost.h"
#include "pipeline/Analyzer.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ll {

enum class Format { Text, Json, Sarif, Github };
enum class ColorMode { Auto, Always, Never };

struct Options {
  std::vector<std::string> paths;
  Format format = Format::Text;
  std::string outputFile;             // -o; empty: stdout
  std::string sarifCategory;          // --sarif-category: GitHub code scanning's category
  std::string baselineFile;           // --baseline FILE.sarif: report only findings not in it
  std::vector<std::string> select;    // rule ids; empty: all
  std::vector<std::string> ignore;
  bool fix = false;
  bool unsafeFixes = false;
  bool diff = false;
  /// --handler FILE:FUNC, keyed by the file's canonical path.
  std::map<std::string, std::set<std::string>> handlers;
  std::vector<std::string> catalogues; // --catalogue FILE: entries added to the built-in ones
  /// C++: -p BUILD_DIR (the folder with compile_commands.json), and compiler arguments for every
  /// C++ file (after the database's) from --extra-arg ARG and from everything after `--`, as in
  /// clang-tidy.
  std::string compileDatabaseDir;
  std::vector<std::string> compileArgs;
  /// --package DIR: deployment package folders, analysed for size and used to weigh imports.
  std::vector<std::string> packageDirs;
  std::vector<std::string> layers;     // --layer ZIP|DIR: count toward the unzipped quota
  std::string reportFile;              // --report FILE.html
  double packageBudget = 0.8;          // --package-budget SHARE
  InitCostOptions initCost;            // --heavy-import-ms, --heavy-import-bytes, --init-budget-ms
  unsigned jobs = 0;                  // 0: all cores
  ColorMode color = ColorMode::Auto;
  bool showSource = true;
  bool listRules = false;
  std::string explain;
  bool version = false;
  bool help = false;
  std::string commandLine;            // as invoked, for SARIF
  std::string configFile;             // --config FILE: one configuration for every path
  bool noConfig = false;              // --no-config: no .lambda-lint.yaml is read
  std::set<std::string> given;        // the options on the command line ("--init-budget-ms", ...)
};

struct ParsedOptions {
  Options options;
  std::string error; // non-empty: a usage error to report (exit status 2)
};

ParsedOptions parseOptions(int argc, const char* const* argv);
std::string usageText();
/// What the command line asks of the configuration (--select, --ignore, --catalogue, budgets,
/// --config, --no-config).
ConfigRequest configRequest(const Options& options);
/// A path lambda-lint reads as a deployment package: a name ending in .zip (any case).
bool isZipPath(const std::string& path);

} // namespace ll

#pragma once
// The per-file pipeline (read, parse and lower once, run every enabled check on the model) and
// the run over all files in parallel.
#include "checks/Check.h"
#include "core/Catalogue.h"
#include "tool/Config.h"
#include "tool/Options.h"

#include <optional>
#include <ostream>

namespace ll {

struct FileOutcome {
  std::shared_ptr<const SourceFile> file;
  std::optional<Language> language;
  std::vector<Finding> findings;
  std::vector<Notice> notices;
  InitEstimate init;           // computed for files with entry points
  bool analysed = false;       // false: skipped (unreadable, binary, too large, ...)
  bool hasSyntaxErrors = false;
  bool validUtf8 = true;
  bool unreadable = false;
};

class Analyzer {
public:
  /// Each file is analysed with its profile in `config` (its rules, catalogue, budgets and
  /// handler names); `handlers` are the command line's --handler FILE:FUNC.
  Analyzer(const Configuration& config, std::map<std::string, std::set<std::string>> handlers);

  /// Reads and analyses a file from disk.
  FileOutcome analyzePath(const std::string& path) const;
  /// Analyses `text` as the contents of `path`.
  FileOutcome analyzeText(const std::string& path, Language language, std::string text) const;

  /// How C++ files are compiled: the compile database folder (-p) and extra arguments.
  void setCppCompilation(std::string databaseDir, std::vector<std::string> args) {
    compileDatabaseDir_ = std::move(databaseDir);
    compileArgs_ = std::move(args);
  }

  /// Files larger than this are not handler source (generated or bundled code); skipped.
  static constexpr size_t kMaxSourceBytes = 4u << 20;

private:
  const Configuration& config_;
  std::map<std::string, std::set<std::string>> handlers_;
  std::string compileDatabaseDir_;
  std::vector<std::string> compileArgs_;
};

/// Runs lambda-lint as the command line asks; returns the exit status.
int runLambdaLint(const Options& options, std::ostream& out, std::ostream& err);

} // namespace ll

#pragma once
// The per-file pipeline, shared by the command line and the clang-tidy plugin: read a file, lower
// it once with its language's frontend, analyse the model once (what runs per invocation, what
// Init costs), run every enabled check on it, then apply the file's inline suppressions and its
// configured severities.
#include "checks/Check.h"
#include "config/Config.h"
#include "frontends/Registry.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ll {

/// The frontend options a profile gives the file at `absolute`: its catalogue and the handlers
/// its configuration names.
FrontendOptions frontendOptions(const Profile& profile, const std::filesystem::path& absolute);

/// What every check reads about one lowered file, computed once: the per-invocation analysis,
/// the weight of each import and the Init estimate, with the profile's catalogue and cost model.
struct ModelAnalysis {
  /// `facts`: what the rest of the project tells about this file (null: the file alone).
  ModelAnalysis(const Module& module, const Profile& profile, const ProjectFacts* facts = nullptr);
  ModelAnalysis(const ModelAnalysis&) = delete;
  ModelAnalysis& operator=(const ModelAnalysis&) = delete;

  /// The context checks run with (it refers to this object and to the module).
  CheckContext context() const;

  const Module& module;
  const Profile& profile;
  const InvocationAnalysis invocation;
  const std::vector<ImportWeight> weights;
  const InitEstimate init;
};

/// The key --handler entries are stored under for a path (its canonical absolute path).
std::string handlerKey(const std::string& path);

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

/// A file read and lowered, before its checks run: the first half of an analysis. The whole
/// project is lowered first, so that the links between its files are known when the checks run.
struct LoweredFile {
  FileOutcome outcome; // analysed == false until checked; skipped files stay that way
  std::optional<Module> module;
  const Profile* profile = nullptr;   // the file's profile, looked up once
  std::filesystem::path absolute;     // the file's absolute, normal path
};

class Analyzer {
public:
  /// Each file is analysed with its profile in `config` (its rules, catalogue, budgets and
  /// handler names); `handlers` are the command line's --handler FILE:FUNC.
  Analyzer(const Configuration& config, std::map<std::string, std::set<std::string>> handlers);

  /// Reads and analyses a file from disk.
  FileOutcome analyzePath(const std::string& path) const;
  /// Analyses `text` as the contents of `path`. `facts`: what the rest of the project tells
  /// about the file (core/Project.h), null for the file alone.
  FileOutcome analyzeText(const std::string& path, Language language, std::string text,
                          const ProjectFacts* facts = nullptr) const;

  /// The two halves of analyzePath, for a whole-project run: read and lower every file, link
  /// them (frontends/Linker.h, core/Project.h), then check each with its facts.
  LoweredFile lowerPath(const std::string& path) const;
  LoweredFile lowerText(const std::string& path, Language language, std::string text) const;
  /// The lowered file is left as it is, so that a file checked alone while the project was
  /// being lowered can be checked again with what linking found.
  static FileOutcome check(const LoweredFile& lowered, const ProjectFacts* facts);

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


} // namespace ll

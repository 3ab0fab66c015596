#pragma once
// .lambda-lint.yaml: per-directory configuration, found upward from each file as clang-tidy
// finds .clang-tidy (or one file for everything with --config FILE), combined with what the
// caller asks (a ConfigRequest: the command line's side, or the clang-tidy plugin's defaults)
// into a Profile: the rules, catalogue, budgets and handler names a file is analysed with.
#include "checks/Check.h"
#include "core/Catalogue.h"
#include "core/DataDir.h"
#include "initcost/ImportCosts.h"
#include "initcost/InitCost.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace ll {

class PackageWeigher;

inline constexpr const char* kConfigFileName = ".lambda-lint.yaml";

/// A path pattern with the directory it is relative to (the directory of the file that wrote it).
struct PathPattern {
  std::string pattern;
  std::filesystem::path base; // absolute, normal
  bool matches(const std::filesystem::path& absolute, bool isDirectory) const;
};

/// One configuration file as written (after `inherit:` merged its parent in).
struct ConfigFile {
  std::string path;                              // as found, for messages
  bool inherit = false;                          // start from the parent folder's configuration
  std::optional<std::vector<std::string>> select; // rule ids or globs; unset: all rules
  std::vector<std::string> ignore;
  std::map<std::string, Level> severity;         // rule id -> level of its findings
  std::vector<PathPattern> exclude;
  std::vector<std::pair<PathPattern, std::vector<std::string>>> perPathIgnores;
  std::vector<std::string> handlerNames;         // globs over function names
  std::vector<std::pair<PathPattern, std::string>> handlerFunctions; // FILE-GLOB:FUNCTION
  std::optional<double> initBudgetMs, heavyImportMs, packageBudget;
  std::optional<uint64_t> heavyImportBytes;
  Catalogue catalogue;
  ImportCosts importCosts;

  /// Parses `yaml`, the text of the file at `path`. Throws std::runtime_error with
  /// "path:line:col: what" (the place of the offending key or value).
  static ConfigFile parse(const std::string& yaml, const std::string& path);
  /// `child` written in a directory below this one, with `inherit: true`.
  void inheritInto(ConfigFile& child) const;
};

/// What one file (or package) is analysed with: a configuration combined with the command line.
struct Profile {
  std::string configPath; // empty: no configuration file
  std::vector<const Check*> checks;
  std::map<std::string, Level> severity;
  std::vector<PathPattern> exclude;
  std::vector<std::pair<PathPattern, std::set<std::string>>> perPathIgnores;
  std::vector<std::pair<PathPattern, std::string>> handlerFunctions;
  Catalogue catalogue;
  ImportCosts importCosts;
  InitCostOptions initCost;
  double packageBudget = 0.8;
  std::unique_ptr<ImportCostModel> costs;

  bool excluded(const std::filesystem::path& absolute, bool isDirectory) const;
  /// The checks that run on the file at `absolute` (per-path ignores taken out).
  std::vector<const Check*> checksFor(const std::filesystem::path& absolute) const;
  /// Functions the configuration names as the file's handlers.
  std::set<std::string> handlersFor(const std::filesystem::path& absolute) const;
  /// Sets the level of findings whose rule has a configured severity.
  void applySeverity(std::vector<Finding>& findings) const;
};

/// Reads the data files every profile starts from (the installed catalogue and import costs, or
/// the built-in copies) once. Throws DataError (core/DataDir.h) naming the file and line of a
/// broken one, so a caller can report it before anything runs.
void loadDataFiles();

/// What the caller asks of the configuration: the command line's rule selection, catalogues,
/// budgets and configuration file. Unset budgets leave the configuration's (or the defaults).
struct ConfigRequest {
  std::vector<std::string> select;     // rule ids or globs; non-empty: replaces the files' select
  std::vector<std::string> ignore;     // added to the files' ignore
  std::vector<std::string> catalogues; // catalogue files whose entries come after the files'
  std::string configFile;              // one configuration for every path; empty: found upward
  bool noConfig = false;               // read no configuration file
  std::optional<double> initBudgetMs, heavyImportMs, packageBudget;
  std::optional<uint64_t> heavyImportBytes;
};

/// Resolves paths to profiles; loads each configuration file once. Thread-safe.
class Configuration {
public:
  /// Reads the caller's side (rule selection, catalogue files, budgets, the configuration file).
  /// Throws std::runtime_error on a bad configuration or catalogue file named by the request.
  Configuration(ConfigRequest request, const PackageWeigher* weigher);

  /// The profile of the file or directory at `path` (from the configuration nearest to its
  /// directory). Never throws: a configuration that cannot be read or parsed is recorded (see
  /// errors()) and the path gets the command line's profile.
  const Profile& forPath(const std::string& path) const;
  /// Whether a configuration excludes `path` (from the one that applies to its parent folder).
  bool excluded(const std::string& path, bool isDirectory) const;
  /// Configuration files that could not be read or parsed ("path:line:col: what"), in the
  /// order found.
  std::vector<std::string> errors() const;
  /// Every rule that some resolved profile runs, in registry order.
  std::vector<const Check*> checksInUse() const;

private:
  const Profile& profileForDirectory(const std::filesystem::path& dir) const;
  const ConfigFile* loadNearest(const std::filesystem::path& dir) const; // locked
  const ConfigFile* load(const std::filesystem::path& file) const;       // locked
  bool failedBelow(const std::filesystem::path& dir) const;              // locked
  std::unique_ptr<Profile> makeProfile(const ConfigFile* config) const;

  ConfigRequest request_;
  const PackageWeigher* weigher_;
  Catalogue cliCatalogue_;
  ImportCosts cliImportCosts_;
  std::optional<std::filesystem::path> explicitConfig_;
  bool useConfigFiles_ = true;

  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, const ConfigFile*> nearest_;   // dir -> config or null
  mutable std::unordered_map<std::string, std::unique_ptr<ConfigFile>> files_; // file -> parsed
  mutable std::unordered_map<std::string, bool> failed_;                  // file -> load failed
  mutable std::unordered_map<const ConfigFile*, std::unique_ptr<Profile>> profiles_;
  mutable std::unique_ptr<Profile> noConfig_;
  mutable std::vector<std::string> errors_;
};

} // namespace ll

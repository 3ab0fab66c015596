#pragma once
// Turns the paths on the command line into the list of files to analyse.
#include "core/Diagnostic.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ll {

struct DiscoveredFile {
  std::string path; // as given, or joined onto the directory as given ("examples/app.py")
  /// A file of a deployment package's .zip: its text, read into memory, and `path` names it
  /// below the archive ("dist/function.zip/app.py", as Python names modules it imports from a
  /// zip). Such a file is analysed, never fixed.
  std::optional<std::string> archivedText;
};

struct DiscoveryResult {
  std::vector<DiscoveredFile> files;
  std::vector<Notice> notices; // unreadable paths, symlink loops, ...
  bool hadUnreadablePath = false; // a path named on the command line does not exist/can't be read
};

/// Files named explicitly are taken if a frontend handles their extension (or reported if they
/// do not exist). Directories are walked recursively, in sorted order, skipping VCS, dependency
/// and build folders (.git, .hg, .svn, node_modules, .venv, venv, env with pyvenv.cfg,
/// __pycache__, .aws-sam, .serverless, cdk.out, build, dist, .tox, .mypy_cache, site-packages)
/// and following no directory symlink twice (symlink loops end with a notice, not a hang).
/// `excluded(path, isDirectory)`, when given, prunes files and directories (a configuration's
/// `exclude:`), named ones included, so a hook that passes files one by one skips the same.
using ExcludePredicate = std::function<bool(const std::string& path, bool isDirectory)>;
DiscoveryResult discoverFiles(const std::vector<std::string>& paths, const ExcludePredicate& excluded = {});

} // namespace ll

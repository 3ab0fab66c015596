#pragma once
// Weighs modules the import-cost catalogue does not list: finds the dependency folders a
// handler deploys with (a `site-packages`, `vendor/`, `package/`, `python/` or `node_modules`
// next to it or above it, the handler's own folder for a SAM-built function, or `--package
// DIR`), resolves an import there, and adds up the bytes of code that importing it loads
// (the module and, transitively, what it imports eagerly inside the same folders).
#include "core/Model.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ll {

struct ModuleWeight {
  uint64_t bytes = 0;   // bytes of code loaded (.py/.so, .js/.cjs/.mjs/.json)
  uint32_t files = 0;   // files counted
  std::string path;     // where the module was found (its file or package folder)
  bool truncated = false; // stopped at the file limit; `bytes` is a lower bound
};

class PackageWeigher {
public:
  /// `packageDirs`: folders given with --package, searched before the ones found next to
  /// handlers.
  explicit PackageWeigher(std::vector<std::string> packageDirs = {});
  ~PackageWeigher();
  PackageWeigher(const PackageWeigher&) = delete;
  PackageWeigher& operator=(const PackageWeigher&) = delete;

  /// The weight of importing `module` (Python dotted name, or a JavaScript specifier such as
  /// "lodash", "@scope/pkg", "pkg/sub") from the file `fromFile`, or nothing when the module is
  /// not found in any dependency folder (standard library, not installed, relative imports of
  /// the app's own code). Thread-safe; results are cached per folder and module.
  std::optional<ModuleWeight> weigh(Language language, const std::string& fromFile,
                                    const std::string& module) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace ll

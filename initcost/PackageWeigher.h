#pragma once
// Weighs modules the import-cost catalogue does not list: finds the dependency folders a
// handler deploys with (a `site-packages`, `vendor/`, `package/`, `python/` or `node_modules`
// next to it or above it, the handler's own folder for a SAM-built function, or `--package
// DIR`), resolves an import there, and adds up the bytes of code that importing it loads
// (the module and, transitively, what it imports eagerly inside the same folders).
//
// Dependency folders, for the folder of the handler and each folder above it (at most 8, and
// none above the folder that holds `.git`), after the --package folders:
//   Python      site-packages/, vendor/, package/, a layer's python/ (when it holds
//               *.dist-info or lib/python3.*/site-packages) and python/lib/python3.*/
//               site-packages, .venv/ and venv/lib/python3.*/site-packages, and a folder
//               holding *.dist-info itself (a SAM build or an unzipped deployment package).
//               A --package DIR is searched itself, and DIR/python, DIR/python/lib/python3.*/
//               site-packages and DIR/lib/python3.*/site-packages.
//   JavaScript  node_modules/ of each folder, as Node resolves; a --package DIR gives
//               DIR/node_modules, DIR/nodejs/node_modules (a layer), or else DIR itself.
// What is followed is static and approximate: Python imports at module level (also inside
// module-level if/try/with/for blocks, not in def/class or `if TYPE_CHECKING:`; an `except`
// clause's imports only when an import of its `try` does not resolve); JavaScript `import`/
// `export ... from` statements and the `require('x')` calls outside function bodies (or in
// functions invoked where they are defined), not `import()`. Standard-library modules and
// Node built-ins (the stdlib lists of the ImportCosts a weighing is given) are not counted.
#include "core/Model.h"
#include "initcost/ImportCosts.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ll {

struct ModuleWeight {
  uint64_t bytes = 0;   // bytes of code loaded (.py/.so/.pyd/.pyc, .js/.cjs/.mjs/.json/.node)
  uint32_t files = 0;   // files counted, each once
  /// Where the module was found: Python, the package's folder or the module's file (the
  /// deepest part of a dotted name that resolves); JavaScript, the file the specifier
  /// resolves to (real path).
  std::string path;
  bool truncated = false; // stopped at the file limit (20,000); `bytes` is a lower bound
};

class PackageWeigher {
public:
  /// `packageDirs`: folders given with --package, searched before the ones found next to
  /// handlers (and, for JavaScript, after a dependency's own node_modules chain).
  explicit PackageWeigher(const std::vector<std::string>& packageDirs = {});
  ~PackageWeigher();
  PackageWeigher(const PackageWeigher&) = delete;
  PackageWeigher& operator=(const PackageWeigher&) = delete;

  /// The weight of importing `module` (Python dotted name, or a JavaScript specifier such as
  /// "lodash", "@scope/pkg", "pkg/sub") from the file `fromFile`, or nothing when the module is
  /// not found in any dependency folder (standard library, not installed, relative imports of
  /// the app's own code, Node built-ins, Python standard-library modules, C++). `costs` says
  /// which modules are the standard library (the profile's import costs: one weigher serves
  /// every profile of a run). Thread-safe; results are cached: Python per set of dependency
  /// folders, standard library and module, JavaScript per standard library and resolved entry
  /// file. Files over 8 MiB are counted but not scanned.
  std::optional<ModuleWeight> weigh(const ImportCosts& costs, Language language, const std::string& fromFile,
                                    const std::string& module) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace ll

#pragma once
// Whole-project analysis, the language part: which function of another file of the project a
// call reaches. Python follows absolute and relative imports of the project's own modules
// (`from .lib import db`, `import helpers`, `from pkg.mod import f as g`), looked up from the
// importing file's folder and each folder above it, and re-exports through a package's
// `__init__.py`. JavaScript/TypeScript follow relative `require`/`import` specifiers (`./x`,
// `../lib/x`, a folder's `index`, extensions .js .mjs .cjs .ts .tsx .jsx, `.js` written for a
// `.ts` source) and names the nearest tsconfig.json maps (`paths`, `baseUrl`), named and
// default exports, CommonJS `module.exports`/`exports.x`, and
// re-exports (`export { a } from`, `export * from`). A class that is constructed reaches its
// constructor (`__init__`, `constructor`); a method called on an instance of an imported class
// reaches the method. Only files of the run are linked: nothing else is read.
#include "core/Project.h"

#include <vector>

namespace ll {

struct ProjectLinkage {
  /// For each module, for each call that does not reach a function of its own file, the
  /// function of another module it reaches (core/Project.h).
  ProjectLinks calls;
  /// For each module, for each of its imports, the module of the project it imports (-1 for
  /// none: another package, the standard library, a file outside the run).
  std::vector<std::vector<int>> imports;
};

/// Links the modules of one run: one pass over their calls and imports, sharing the lookups.
ProjectLinkage linkModules(const std::vector<const Module*>& modules);

} // namespace ll

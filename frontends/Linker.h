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
// reaches the method. C++ calls reach functions of the other translation units of the run by
// USR (Call::calleeSymbol, Function::symbol): the translation units given together, or those of
// one compile database, make up the program. Only files of the run are linked: nothing else is
// read.
#include "core/Project.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace ll {

struct ProjectLinkage {
  /// For each module, for each call that does not reach a function of its own file, the
  /// function of another module it reaches (core/Project.h).
  ProjectLinks calls;
  /// For each module, for each of its imports, the module of the project it imports (-1 for
  /// none: another package, the standard library, a file outside the run).
  std::vector<std::vector<int>> imports;
  /// For each module, for each of its ImportedEntry, the function of another module it names
  /// (a false FunctionRef for none).
  ProjectLinks entries;
};

/// The names by which the files of a run can be imported, known before any file is lowered:
/// for Python, the stem of every `.py` file and the name of every folder above one; for
/// JavaScript/TypeScript, the folders whose nearest tsconfig.json maps bare names to files
/// (`baseUrl`, `paths`).
struct ImportableNames {
  std::unordered_set<std::string> python;
  std::unordered_set<std::string> mappedFolders;
};
ImportableNames importableNames(const std::vector<std::string>& paths);

/// Whether `m` has an import that may name a file of the run: a relative one, a Python module
/// whose first name is one of `names`, or a bare name a tsconfig.json may map. Never false when
/// the linker would resolve one of its imports, so that a file for which it is false is known to
/// call into no other file of the project: it is checked while the project is still being
/// lowered, and only what others may read of it (projectView) is kept for linking.
bool mayImportProject(const Module& m, const ImportableNames& names);

/// Links the modules of one run: one pass over their calls and imports, sharing the lookups.
/// `mayImport`, when given, says for each module whether mayImportProject holds: the imports
/// and calls of the others cannot reach another file and are not looked up. `absolutePaths`,
/// when given, are the modules' absolute, normal paths (else computed here).
ProjectLinkage linkModules(const std::vector<const Module*>& modules, const std::vector<char>& mayImport = {},
                           const std::vector<std::string>& absolutePaths = {});

} // namespace ll

#pragma once
// Edits a frontend knows how to write in its language. Checks decide what to fix; the editor
// decides how that reads in Python, JavaScript or C++.
#include "core/Diagnostic.h"
#include "core/Model.h"

#include <optional>
#include <string>
#include <vector>

namespace ll {

enum class LazyPurpose {
  Client,  // reuse one client/connection: `_get_s3()` creates it on first use
  Config,  // cache a configuration value: `_load_config()` fetches it on first use
};

class Editor {
public:
  virtual ~Editor() = default;
  /// Move the statement that assigns `call` to module scope (before the top-level definition
  /// that contains it). Returns nothing when that is not possible.
  virtual std::optional<Fix> hoistToModuleScope(const Module& m, const Call& call) const = 0;
  /// Replace `call` with a call to a new module-level function that makes the value once and
  /// keeps it in a module-level cache (the lazy loader of the seed article). Always unsafe.
  virtual std::optional<Fix> lazyInitialize(const Module& m, const Call& call,
                                            LazyPurpose purpose) const = 0;
  /// Move a module-scope import statement to the start of each of `blocks` (indices into
  /// Module::blocks, at most one per function) and delete it at module scope. `imports` are
  /// the Import records of that one statement. With `keepTypes`, a TypeScript import whose
  /// names also appear in type positions stays behind as `import type`. Returns nothing when
  /// the language cannot write the import in one of the blocks (an ES module import outside an
  /// async function). The checker decides the fix's applicability.
  virtual std::optional<Fix> moveImport(const Module& m, const std::vector<int>& imports,
                                        const std::vector<int>& blocks, bool keepTypes) const = 0;
  /// Delete a module-scope import statement whose names are never used.
  virtual std::optional<Fix> removeImport(const Module& m, const std::vector<int>& imports) const = 0;
};

} // namespace ll

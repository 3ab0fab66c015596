#pragma once
// Edits a frontend knows how to write in its language. Checks decide what to fix; the editor
// decides how that reads in Python, JavaScript or C++.
#include "core/Diagnostic.h"
#include "core/Model.h"

#include <optional>
#include <string>

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
};

/// The editor for a module's language.
const Editor& editorFor(Language language);

} // namespace ll

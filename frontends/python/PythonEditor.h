#pragma once
#include "core/Editor.h"

namespace ll {

/// Writes fix-its in Python: module-scope statements and the lazy loader of the seed article
/// (a module-level cache, `global`, `if _X is None:`).
class PythonEditor final : public Editor {
public:
  std::optional<Fix> hoistToModuleScope(const Module& m, const Call& call) const override;
  std::optional<Fix> lazyInitialize(const Module& m, const Call& call,
                                    LazyPurpose purpose) const override;
};

} // namespace ll

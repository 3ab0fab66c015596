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
  std::optional<Fix> moveImport(const Module& m, const std::vector<int>& imports,
                                const std::vector<int>& blocks, bool keepTypes) const override;
  std::optional<Fix> removeImport(const Module& m, const std::vector<int>& imports) const override;
};

} // namespace ll

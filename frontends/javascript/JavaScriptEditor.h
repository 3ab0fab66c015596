#pragma once
#include "core/Editor.h"

namespace ll {

/// Writes fix-its in JavaScript and TypeScript: module-scope declarations, and lazy getters that
/// keep the value (or, for configuration, the promise of it) in a module-level `let`, filled with
/// `??=` on first use. Follows the file's indentation and semicolon style; in TypeScript the
/// cache variable gets a type, so the fixed file still type-checks.
class JavaScriptEditor final : public Editor {
public:
  std::optional<Fix> hoistToModuleScope(const Module& m, const Call& call) const override;
  std::optional<Fix> lazyInitialize(const Module& m, const Call& call,
                                    LazyPurpose purpose) const override;
  std::optional<Fix> moveImport(const Module& m, const std::vector<int>& imports,
                                const std::vector<int>& blocks, bool keepTypes) const override;
  std::optional<Fix> removeImport(const Module& m, const std::vector<int>& imports) const override;
};

} // namespace ll

#pragma once
#include "core/Editor.h"

namespace ll {

/// Writes fix-its in C++. There is no module scope to hoist to (a namespace-scope client
/// would be built during static initialisation, before main() calls Aws::InitAPI): a client,
/// connection or value made per invocation becomes a function-local `static`, which C++11
/// initialises once, thread-safely, on first use. Edits never touch text a macro writes.
/// C++ fixes are verified by re-lowering the fixed text with the file's compile arguments
/// (parsesCleanly has no include paths; see tool/Fixer.cpp).
class CppEditor final : public Editor {
public:
  /// Always nothing: see the class comment.
  std::optional<Fix> hoistToModuleScope(const Module& m, const Call& call) const override;
  /// `T x(args);` / `auto x = make(args);` -> `static T x(args);` / `static auto x = ...`.
  /// Safe for a client whose call is Call::hoistable, unsafe otherwise; for a configuration
  /// value only when hoistable, and unsafe. Nothing when the call is in a macro, is not the
  /// whole initialiser of a single local variable declared in a block, or the variable is
  /// released (returned, moved, deleted, closed) in its function.
  std::optional<Fix> lazyInitialize(const Module& m, const Call& call,
                                    LazyPurpose purpose) const override;
  /// C++ has no imports to move: always nothing.
  std::optional<Fix> moveImport(const Module& m, const std::vector<int>& imports,
                                const std::vector<int>& blocks, bool keepTypes) const override;
  /// C++ has no imports to remove: always nothing.
  std::optional<Fix> removeImport(const Module& m, const std::vector<int>& imports) const override;
};

} // namespace ll

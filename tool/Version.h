#pragma once
// What `lambda-lint --version` prints.
#include <string>

namespace ll {

/// lambda-lint's version, the Clang/LLVM of the C++ frontend, the tree-sitter runtime and the
/// grammars it was built with (from the pinned npm packages, read at configure time), and the
/// data directory in use (core/DataDir.h).
std::string versionText();

} // namespace ll

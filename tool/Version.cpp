#include "tool/Version.h"

#include "core/DataDir.h"
#include "frontends/Frontend.h"

namespace ll {

std::string versionText() {
  std::string out = std::string("lambda-lint ") + LAMBDA_LINT_VERSION + "\n";
  out += "  C++ frontend: ";
  out += cppFrontendBuilt() ? cppFrontendVersion()
                            : std::string("not built (configure with -DLAMBDA_LINT_CPP=ON and "
                                          "LLVM/Clang 16 installed)");
  out += "\n";
  out += std::string("  tree-sitter ") + LAMBDA_LINT_TREE_SITTER_VERSION + "\n";
  // "tree-sitter-python 0.25.0, tree-sitter-javascript 0.25.0, ..." (cmake/TreeSitter.cmake)
  const std::string grammars = LAMBDA_LINT_TREE_SITTER_GRAMMARS;
  for (size_t start = 0; start < grammars.size();) {
    size_t end = grammars.find(", ", start);
    if (end == std::string::npos) end = grammars.size();
    out += "    " + grammars.substr(start, end - start) + "\n";
    start = end + 2;
  }
  out += "  data: " + dataSourceDescription() + "\n";
  return out;
}

} // namespace ll

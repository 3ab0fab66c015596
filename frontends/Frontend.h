#pragma once
// A frontend lowers one source file of its language to the program model. Which frontend
// handles which language: frontends/Registry.h.
#include "core/Catalogue.h"
#include "core/Model.h"

#include <memory>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ll {

struct FrontendOptions {
  /// The run's catalogue (the profile's: the built-in one merged with the user's). Required:
  /// frontends read their policy lists (handler names, closer methods, ...) only from here.
  explicit FrontendOptions(const Catalogue& catalogue) : catalogue(catalogue) {}

  /// "named by --handler" or "named in .lambda-lint.yaml": why `h` of `handlers` is a handler.
  std::string namedBy(const std::string& h) const {
    auto it = handlerOrigins.find(h);
    return it == handlerOrigins.end() ? std::string("named by --handler") : "named in " + it->second;
  }
  /// What names `h`, for the notice when the file does not define it.
  std::string namer(const std::string& h) const {
    auto it = handlerOrigins.find(h);
    return it == handlerOrigins.end() ? std::string("--handler") : it->second;
  }

  /// Handlers named with --handler for this file (function or Class.method names). When
  /// non-empty, only these are handlers.
  std::set<std::string> handlers;
  /// Where a handler of `handlers` was named when not by --handler: the configuration file.
  std::map<std::string, std::string> handlerOrigins;
  const Catalogue& catalogue;
  /// C++ only: the directory holding compile_commands.json (`-p BUILD_DIR`); empty for none.
  std::string compileDatabaseDir;
  /// C++ only: compiler arguments for every file (`-I...`, `-std=...`), after the compile
  /// database's own when both are given.
  std::vector<std::string> compileArgs;
};

/// True when this build has the C++ frontend (configured with LAMBDA_LINT_CPP).
bool cppFrontendBuilt();
/// "Clang 16.0.6 LibTooling (LLVM 16.0.6)": the Clang and LLVM the C++ frontend was built with;
/// empty when it was not built.
std::string cppFrontendVersion();

/// Lowers `file` to a Module. Never throws for bad input: syntax errors become notices.
Module lowerPython(std::shared_ptr<const SourceFile> file, const FrontendOptions& options);
/// Lowers a JavaScript, TypeScript or TSX file (`language` picks the grammar).
Module lowerJavaScript(std::shared_ptr<const SourceFile> file, const FrontendOptions& options,
                       Language language = Language::JavaScript);

/// Sets Import::sharedStatement on imports whose statement (same range) also imports another
/// module. Frontends call it once their imports are recorded.
void markSharedImportStatements(Module& m);

/// Marks the handlers that `options.handlers` names (--handler FILE:FUNC, a configuration's
/// `handlers.functions`), for every frontend alike: a function whose qualified name is the name,
/// or one that `byPlainName(f)` allows to be named plainly (a top-level function) whose name
/// is. `more(name)` may mark others (JavaScript's export names) and says whether it did. A name
/// that matches nothing is a warning notice.
void markNamedHandlers(Module& m, const FrontendOptions& options,
                       const std::function<bool(size_t function)>& byPlainName,
                       const std::function<void(size_t function, const std::string& reason)>& mark,
                       const std::function<bool(const std::string& name)>& more = {});

} // namespace ll

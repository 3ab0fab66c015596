#pragma once
// Whole-project analysis: which functions of each file run on every invocation, during Init or
// by lazy initialisation because code in another file of the project calls them. It works on
// lowered modules and on the links from their calls to functions of other files, which the
// frontends' linker finds (frontends/Linker.h); it knows no language.
#include "core/Diagnostic.h"
#include "core/Model.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace ll {

/// A function of one module of the project.
struct FunctionRef {
  int module = -1;
  int function = -1;
  explicit operator bool() const { return module >= 0 && function >= 0; }
};

/// For each module of the project, for each of its calls, the function of another module the
/// call reaches (a false FunctionRef for none).
using ProjectLinks = std::vector<std::vector<FunctionRef>>;

/// How code of another file enters a function of this one on the way from a handler.
struct ExternalEntry {
  /// The handler, as findings name it: "`create_order` in app.py".
  std::string handlerLabel;
  /// The handler's name location, then each call on the way up to the call into this file,
  /// each with its file.
  std::vector<RelatedLocation> steps;
};

/// A module-scope import of one of the project's own modules, and what loading it imports in
/// turn at Init: the imports of other packages (and the standard library) of that module and of
/// every project module it imports, transitively.
struct ProjectImport {
  std::string path; // the imported module's file
  std::vector<Import> loads;
};

/// What the rest of the project tells the analysis of one file. Keyed by qualified function
/// name, so that it still applies to the file's text after --fix has added functions.
struct ProjectFacts {
  struct Entered {
    bool invocation = false; // called (not lazily) from per-invocation code of another file
    bool every = false;      // ... on every invocation whatever the event
    bool init = false;       // called during Init of another file
    bool lazy = false;       // called by lazy initialisation in another file
    int entry = -1;          // ExternalEntry (index into entries) when invocation
  };
  std::unordered_map<std::string, Entered> functions;
  std::vector<ExternalEntry> entries;
  /// The file's imports of project modules, by the name the cost model weighs an import under
  /// (Python: Import::canonical(); JavaScript: the specifier).
  std::unordered_map<std::string, ProjectImport> projectImports;
  bool empty() const { return functions.empty() && projectImports.empty(); }
};

/// Whether a function of the module is a handler or a route, where an invocation starts.
bool hasEntryPoint(const Module& m);

/// What whole-project analysis reads of a module that calls into no other file of the project:
/// its file, imports, exports and functions; kept in place of the whole model for a file whose
/// own checks have already run.
Module projectView(Module&& m);

/// Each module's facts: reachability from every handler of the project across the links, with
/// the same rules as InvocationAnalysis within a file (lazy calls and memoised functions stop
/// per-invocation reach; Init and lazy initialisation spread through every call).
/// `imports`: for each module, for each import, the project module it imports (-1 for none).
/// `entries`: for each module, for each of its ImportedEntry, the function it names (a false
/// FunctionRef for none); those functions (or what they return) are entry points like handlers.
std::vector<ProjectFacts> projectFacts(const std::vector<const Module*>& modules,
                                       const ProjectLinks& links,
                                       const std::vector<std::vector<int>>& imports = {},
                                       const ProjectLinks& entries = {});

} // namespace ll

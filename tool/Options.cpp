#include "tool/Options.h"

#include "core/Strings.h"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <filesystem>
#include <sstream>

namespace ll {

namespace {

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

} // namespace

bool isZipPath(const std::string& path) {
  return path.size() >= 4 && iequals(std::string_view(path).substr(path.size() - 4), ".zip");
}

std::string usageText() {
  return R"(usage: lambda-lint [options] PATH... [-- COMPILER-ARGS...]

Finds per-invocation work in AWS Lambda handlers (SDK clients, connections and configuration
fetches made on every call instead of once per execution environment) and Init-phase cost
(heavy modules imported eagerly), and offers fixes.

PATH may be files or directories; directories are searched recursively, skipping VCS,
dependency and build folders (.git, node_modules, virtualenvs, site-packages, folders pip
installed into, __pycache__, .aws-sam, ...).

Output:
  --format FORMAT        text (default), json, sarif, or github (GitHub Actions annotations)
  -o, --output FILE      write the report to FILE instead of standard output
  --color WHEN           auto (default: on a terminal, unless NO_COLOR is set), always, never
  --no-source            text: do not show the source line under each finding
  --sarif-category NAME  sarif: GitHub code scanning's category of this analysis
                         (run.automationDetails.id); default: upload-sarif's `category`
  --baseline FILE.sarif  report only findings that FILE.sarif, an earlier run's SARIF, does not
                         have (matched by rule and fingerprint, not by line)

Configuration:
  --config FILE          use FILE for every path instead of the .lambda-lint.yaml found upward
                         from each file (as clang-tidy finds .clang-tidy)
  --no-config            read no configuration file
  A configuration sets rules, severities, excluded paths, handler names, budgets and catalogue
  entries (docs/configuration.md). Options given here win over it.

Rules:
  --select RULE,...      run only these rules (ids, or globs such as 'package-*'); replaces the
                         configuration's select and ignore
  --ignore RULE,...      do not run these rules
  --list-rules           list the rules (as JSON with --format json) and exit
  --explain RULE         print a rule's documentation and exit

Handlers:
  --handler FILE:FUNC    FUNC (a function or Class.method) in FILE is the handler; may repeat.
                         Without it, handlers are found by name, signature, decorators and
                         adapters.

C++ (.cpp .cc .cxx, when built with the C++ frontend):
  -p BUILD_DIR           read compile commands from BUILD_DIR/compile_commands.json
  --extra-arg ARG        add a compiler argument for every C++ file (-I..., -std=...); may repeat
  -- ARGS...             as in clang-tidy: the rest of the command line is compiler arguments
                         for every C++ file (a path that starts with '-' is written ./-name)

Catalogue:
  --catalogue FILE       add the entries of a catalogue file (same layout as the built-in
                         data/catalogue.yaml: clients, connections, config fetches, handler
                         decorators, ...) to the built-in ones; may repeat

Init cost:
  --package DIR          a deployment package folder (a SAM build folder such as
                         .aws-sam/build/Function, package/, dist/): its size is analysed (see
                         Packages), and imports the import-cost catalogue does not list are
                         weighed in it; may repeat. Dependency folders next to a handler
                         (site-packages, vendor/, node_modules) are found without it.
  --heavy-import-ms MS   a module is heavy from this measured import time (default 15)
  --heavy-import-bytes N a weighed module is heavy from this many bytes of code (default:
                         when its estimated time reaches --heavy-import-ms)
  --init-budget-ms MS    heavy-init fires above this estimated Init cost (default 400)
  The catalogue file of --catalogue may add measured figures in an `import-costs:` section.

Packages:
  FILE.zip               a deployment package given as a path is read from its central
                         directory (never extracted) and checked against Lambda's quotas
  --layer ZIP|DIR        a layer: counts toward each package's unzipped quota; may repeat
  --package-budget SHARE warn above this share of each quota (default 0.8, or 80%)
  --report FILE.html     write a self-contained page picturing the packages

Fixes:
  --fix                  apply safe fixes to the files
  --unsafe-fixes         with --fix or --diff, apply unsafe fixes too
  --diff                 print the fixes as a unified diff instead of writing them

Other:
  -j, --jobs N           analyse N files in parallel (default: all cores)
  --version              print version information and exit
  -h, --help             print this help and exit

Exit status: 0 no findings, 1 findings (with --fix: findings left unfixed), 2 usage error or a
path that cannot be read.
)";
}

ParsedOptions parseOptions(int argc, const char* const* argv) {
  ParsedOptions r;
  Options& o = r.options;
  for (int i = 0; i < argc; ++i) {
    if (i) o.commandLine += ' ';
    o.commandLine += argv[i];
  }
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      // As in clang-tidy: what follows are compiler arguments for the C++ files (a path that
      // starts with '-' is written ./-name).
      for (++i; i < argc; ++i) o.compileArgs.emplace_back(argv[i]);
      break;
    }
    if (arg.empty() || arg[0] != '-' || arg == "-") {
      o.paths.push_back(arg);
      continue;
    }
    std::string name = arg, value;
    bool hasValue = false;
    if (arg.rfind("--", 0) == 0) {
      if (auto eq = arg.find('='); eq != std::string::npos) {
        name = arg.substr(0, eq);
        value = arg.substr(eq + 1);
        hasValue = true;
      }
    } else if (arg.size() > 2 && (arg[1] == 'j' || arg[1] == 'o' || arg[1] == 'p')) { // -j4, -oFILE, -pDIR
      name = arg.substr(0, 2);
      value = arg.substr(2);
      hasValue = true;
    }
    o.given.insert(name);
    auto needValue = [&]() -> bool {
      if (hasValue) return true;
      if (i + 1 >= argc) {
        r.error = "option " + name + " needs a value";
        return false;
      }
      value = argv[++i];
      return true;
    };
    auto flag = [&](bool& b) {
      if (hasValue) r.error = "option " + name + " takes no value";
      b = true;
    };
    if (name == "--format") {
      if (!needValue()) return r;
      if (value == "text") o.format = Format::Text;
      else if (value == "json") o.format = Format::Json;
      else if (value == "sarif") o.format = Format::Sarif;
      else if (value == "github") o.format = Format::Github;
      else r.error = "unknown format '" + value + "' (text, json, sarif, github)";
    } else if (name == "--sarif-category") {
      if (!needValue()) return r;
      if (value.empty() || value == "/") r.error = "--sarif-category needs a name, such as lambda-lint or lambda-lint/api";
      o.sarifCategory = value;
    } else if (name == "--baseline") {
      if (!needValue()) return r;
      o.baselineFile = value;
    } else if (name == "-o" || name == "--output") {
      if (!needValue()) return r;
      o.outputFile = value;
    } else if (name == "--color") {
      if (!needValue()) return r;
      if (value == "auto") o.color = ColorMode::Auto;
      else if (value == "always") o.color = ColorMode::Always;
      else if (value == "never") o.color = ColorMode::Never;
      else r.error = "unknown --color value '" + value + "' (auto, always, never)";
    } else if (name == "--no-source") {
      bool b = false;
      flag(b);
      o.showSource = false;
    } else if (name == "--select" || name == "--ignore") {
      if (!needValue()) return r;
      auto& list = name == "--select" ? o.select : o.ignore;
      for (auto& id : splitList(value)) list.push_back(id);
    } else if (name == "--list-rules") {
      flag(o.listRules);
    } else if (name == "--explain") {
      if (!needValue()) return r;
      o.explain = value;
    } else if (name == "-p") {
      if (!needValue()) return r;
      o.compileDatabaseDir = value;
    } else if (name == "--extra-arg") {
      if (!needValue()) return r;
      o.compileArgs.push_back(value);
    } else if (name == "--handler") {
      if (!needValue()) return r;
      auto colon = value.rfind(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == value.size()) {
        r.error = "--handler takes FILE:FUNCTION, got '" + value + "'";
        return r;
      }
      o.handlers[handlerKey(value.substr(0, colon))].insert(value.substr(colon + 1));
    } else if (name == "--catalogue") {
      if (!needValue()) return r;
      o.catalogues.push_back(value);
    } else if (name == "--config") {
      if (!needValue()) return r;
      o.configFile = value;
    } else if (name == "--no-config") {
      flag(o.noConfig);
    } else if (name == "--package") {
      if (!needValue()) return r;
      o.packageDirs.push_back(value);
    } else if (name == "--layer") {
      if (!needValue()) return r;
      o.layers.push_back(value);
    } else if (name == "--report") {
      if (!needValue()) return r;
      o.reportFile = value;
    } else if (name == "--package-budget") {
      if (!needValue()) return r;
      try {
        size_t used = 0;
        std::string v = value;
        const bool percent = !v.empty() && v.back() == '%';
        if (percent) v.pop_back();
        double share = std::stod(v, &used);
        if (used != v.size()) throw std::invalid_argument(value);
        if (percent || share > 1) share /= 100;
        if (share <= 0 || share > 1 || std::isnan(share)) throw std::invalid_argument(value);
        o.packageBudget = share;
      } catch (const std::exception&) {
        r.error = "--package-budget takes a share of the quotas such as 0.8 or 80%, got '" + value + "'";
      }
    } else if (name == "--heavy-import-ms" || name == "--init-budget-ms" ||
               name == "--heavy-import-bytes") {
      if (!needValue()) return r;
      try {
        size_t used = 0;
        double v = std::stod(value, &used);
        if (used != value.size() || !(v >= 0) || v > 1e12) throw std::invalid_argument(value);
        if (name == "--heavy-import-ms") o.initCost.heavyImportMs = v;
        else if (name == "--init-budget-ms") o.initCost.initBudgetMs = v;
        else o.initCost.heavyImportBytes = static_cast<uint64_t>(v);
      } catch (const std::exception&) {
        r.error = name + " takes a non-negative number, got '" + value + "'";
      }
    } else if (name == "--fix") {
      flag(o.fix);
    } else if (name == "--unsafe-fixes") {
      flag(o.unsafeFixes);
    } else if (name == "--diff") {
      flag(o.diff);
    } else if (name == "-j" || name == "--jobs") {
      if (!needValue()) return r;
      try {
        size_t used = 0;
        long n = std::stol(value, &used);
        if (used != value.size() || n < 1 || n > 1024) throw std::invalid_argument(value);
        o.jobs = static_cast<unsigned>(n);
      } catch (const std::exception&) {
        r.error = "-j takes a number from 1 to 1024, got '" + value + "'";
      }
    } else if (name == "--version") {
      flag(o.version);
    } else if (name == "-h" || name == "--help") {
      flag(o.help);
    } else {
      r.error = "unknown option '" + arg + "'";
    }
    if (!r.error.empty()) return r;
  }
  if (o.unsafeFixes && !o.fix && !o.diff)
    r.error = "--unsafe-fixes goes with --fix or --diff";
  else if (o.fix && o.diff)
    r.error = "--fix writes files and --diff only shows the changes: choose one";
  else if (!o.configFile.empty() && o.noConfig)
    r.error = "--config FILE and --no-config: choose one";
  else if (!o.sarifCategory.empty() && o.format != Format::Sarif)
    r.error = "--sarif-category goes with --format sarif";
  else if (!o.baselineFile.empty() && (o.fix || o.diff))
    r.error = "--baseline hides findings from the report; it does not go with --fix or --diff";
  else if (o.paths.empty() && !o.help && !o.version && !o.listRules && o.explain.empty())
    r.error = "no paths given";
  if (r.error == "no paths given" && (!o.packageDirs.empty() || !o.layers.empty()) && !o.fix && !o.diff)
    r.error.clear(); // only packages to look at
  if (r.error.empty() && !o.reportFile.empty() && o.packageDirs.empty() && o.layers.empty() &&
      std::none_of(o.paths.begin(), o.paths.end(), [](const std::string& p) { return isZipPath(p); }))
    r.error = "--report draws deployment packages: give a .zip, --package DIR or --layer";
  return r;
}

ConfigRequest configRequest(const Options& o) {
  ConfigRequest r;
  r.select = o.select;
  r.ignore = o.ignore;
  r.catalogues = o.catalogues;
  r.configFile = o.configFile;
  r.noConfig = o.noConfig;
  if (o.given.contains("--init-budget-ms")) r.initBudgetMs = o.initCost.initBudgetMs;
  if (o.given.contains("--heavy-import-ms")) r.heavyImportMs = o.initCost.heavyImportMs;
  if (o.given.contains("--heavy-import-bytes")) r.heavyImportBytes = o.initCost.heavyImportBytes;
  if (o.given.contains("--package-budget")) r.packageBudget = o.packageBudget;
  return r;
}

} // namespace ll

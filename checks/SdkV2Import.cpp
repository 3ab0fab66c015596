// sdk-v2-import: imports of the AWS SDK for JavaScript v2, which is out of support, not part of
// the Node.js 18+ Lambda runtimes, and, imported whole, bundled and loaded at Init in full.
// Documentation: docs/rules/sdk-v2-import.md.
#include "checks/Check.h"

#include "core/EditorSupport.h"
#include "core/Strings.h"

#include <algorithm>
#include <map>

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = "sdk-v2-import",
    .name = "SdkV2Import",
    .defaultLevel = Level::Warning,
    .tags = {"performance", "cold-start", "lambda", "deprecated"},
    .languages = {"javascript", "typescript"},
    .fixAvailability = "none",
};

/// The catalogue kind that maps v2 names (`aws-sdk:S3`, `aws-sdk/clients/s3`) to the v3
/// packages that replace them; an entry's label is the package list, comma-separated.
constexpr std::string_view kV3Package = "v3-package";

bool isV2Module(std::string_view module) {
  return module == "aws-sdk" || module.starts_with("aws-sdk/");
}

std::vector<std::string> splitPackages(std::string_view label) {
  std::vector<std::string> out;
  for (std::string_view part : split(label, ',')) {
    part = trim(part, " ");
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

std::string quotedList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += "`" + items[i] + "`";
  }
  return out;
}

void addUnique(std::vector<std::string>& to, const std::vector<std::string>& items) {
  for (const std::string& s : items)
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

/// A test file by the conventions of JavaScript test runners: `*.test.js`, `*.spec.ts`, or a
/// file under a `__tests__` folder. (Folders named `test` are not taken as evidence: a project
/// may sit below one.)
bool isTestFile(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return name.find(".test.") != std::string_view::npos ||
         name.find(".spec.") != std::string_view::npos ||
         path.starts_with("__tests__/") || path.find("/__tests__/") != std::string_view::npos;
}

class SdkV2Import final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }

  void run(const CheckContext& ctx, std::vector<Finding>& out) const override {
    const Module& m = ctx.module;
    // Test code is not deployed: a Jest or Mocha test file that has no handler of its own.
    if (!ctx.invocation.hasHandlers() && isTestFile(m.file->path())) return;
    const char* language = catalogueLanguage(m.language);
    // What the file makes from v2 (`new AWS.S3()`, `new AWS.DynamoDB.DocumentClient()`), and
    // the v3 packages that replace each, in order of first use.
    struct Use {
      const Call* call;
      std::vector<std::string> packages;
    };
    std::vector<Use> uses;
    for (const Call& c : m.calls) {
      if (c.referenceOnly || !isV2Module(std::string_view(c.callee).substr(0, c.callee.find(':'))))
        continue;
      if (const CatalogueEntry* e = ctx.catalogue.match(language, kV3Package, c.callee))
        uses.push_back({&c, splitPackages(e->label)});
    }

    const bool typescript = m.language == Language::TypeScript || m.language == Language::Tsx;
    std::vector<ByteRange> reported;
    for (size_t i = 0; i < m.imports.size(); ++i) {
      const Import& imp = m.imports[i];
      if (imp.typeOnly || !isV2Module(imp.module)) continue;
      // TypeScript erases a static import (`import ...`, `import x = require(...)`) whose names
      // are used in types only, or not at all; a dynamic `import()` or a `require()` it keeps.
      if (typescript && imp.function < 0 && m.text(imp.range).starts_with("import ") &&
          erasedByTypeScript(m, i))
        continue;
      if (std::find(reported.begin(), reported.end(), imp.range) != reported.end()) continue;
      reported.push_back(imp.range);
      Finding f;
      f.rule = std::string(kInfo.id);
      f.file = m.file;
      f.range = imp.range;
      std::vector<std::string> packages;
      if (imp.module == "aws-sdk") {
        // The whole SDK: every service's client and model, loaded at Init.
        f.level = kInfo.defaultLevel;
        for (const Use& u : uses) {
          if (!u.call->callee.starts_with("aws-sdk:")) continue;
          addUnique(packages, u.packages);
          // Related locations: where the file makes a v2 client, and what replaces it.
          if (ctx.catalogue.match(language, kind::Client, u.call->callee))
            f.related.push_back({u.call->range, "`" + abbreviate(m.text(u.call->calleeRange)) +
                                                    "(...)` is " + quotedList(u.packages) + " in v3"});
        }
        // `import { S3 } from "aws-sdk"`: the names imported say which services too.
        if (!imp.name.empty())
          if (const CatalogueEntry* e = ctx.catalogue.match(language, kV3Package, "aws-sdk:" + imp.name))
            addUnique(packages, splitPackages(e->label));
        std::string advice =
            packages.empty()
                ? "import the modular v3 client of each service the code uses instead "
                  "(`@aws-sdk/client-<service>`)"
                : "import the modular v3 client" + std::string(packages.size() > 1 ? "s " : " ") +
                      quotedList(packages) + " instead";
        f.message = "Importing the whole AWS SDK for JavaScript v2 (`aws-sdk`) bundles all of it (tens of "
                    "MB unpacked) and loads it during Init, and v2 is out of support (Node.js 18+ "
                    "runtimes ship only v3); " +
                    advice;
      } else {
        // One service of v2 (`aws-sdk/clients/s3`): small, but still the unsupported v2.
        f.level = Level::Note;
        const std::string prefix = imp.module;
        for (const Use& u : uses) {
          const std::string_view callee = u.call->callee;
          if (!callee.starts_with(prefix) ||
              (callee.size() > prefix.size() && callee[prefix.size()] != '.' && callee[prefix.size()] != ':'))
            continue;
          addUnique(packages, u.packages);
          if (ctx.catalogue.match(language, kind::Client, callee))
            f.related.push_back({u.call->range, "`" + abbreviate(m.text(u.call->calleeRange)) +
                                                    "(...)` is " + quotedList(u.packages) + " in v3"});
        }
        if (const CatalogueEntry* e = ctx.catalogue.match(language, kV3Package, imp.module))
          addUnique(packages, splitPackages(e->label));
        std::string advice = packages.empty() ? "use the matching `@aws-sdk/client-<service>` package (v3) instead"
                                              : "use " + quotedList(packages) + " (v3) instead";
        f.message = "`" + imp.module + "` is part of the AWS SDK for JavaScript v2, which is out of support "
                    "and not included in Node.js 18+ runtimes; " + advice;
      }
      out.push_back(std::move(f));
    }
  }
};

} // namespace

std::unique_ptr<Check> makeSdkV2Import() { return std::make_unique<SdkV2Import>(); }

} // namespace ll

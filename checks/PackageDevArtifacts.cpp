// package-dev-artifacts: files in a deployment package that no function needs at run time
// (tests, docs, VCS folders, caches, TypeScript sources, source maps, dev tools, build
// leftovers). Documentation: docs/rules/package-dev-artifacts.md.
#include "checks/PackageSupport.h"

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = "package-dev-artifacts",
    .name = "PackageDevArtifacts",
    .defaultLevel = Level::Warning,
    .tags = {"performance", "cold-start", "package", "lambda"},
    .languages = {"package"},
    .fixAvailability = "none",
};

const char* kindLabel(ArtifactKind k) {
  switch (k) {
  case ArtifactKind::Tests: return "tests";
  case ArtifactKind::Docs: return "docs and examples";
  case ArtifactKind::Vcs: return "version control folders";
  case ArtifactKind::Cache: return "caches";
  case ArtifactKind::TypeSources: return "TypeScript sources and declarations";
  case ArtifactKind::SourceMaps: return "source maps";
  case ArtifactKind::DevTool: return "dev tools";
  case ArtifactKind::BuildLeftover: return "build leftovers";
  case ArtifactKind::Code: break;
  }
  return "code";
}

class PackageDevArtifacts final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }
  bool onPackages() const override { return true; }

  void runPackage(const PackageContext& ctx, std::vector<Finding>& out) const override {
    const PackageAnalysis& a = ctx.analysis;
    uint64_t bytes = 0, files = 0;
    for (const DevArtifacts& d : a.devArtifacts) {
      bytes += d.bytes;
      files += d.files;
    }
    const uint64_t total = ctx.package.unzippedBytes;
    if (bytes == 0 || (bytes < ctx.options.devArtifactsMinBytes &&
                       double(bytes) < ctx.options.devArtifactsMinShare * double(total)))
      return;
    std::string parts;
    bool node = false, python = false, typescript = false, maps = false, devTools = false, vcs = false;
    for (const DevArtifacts& d : a.devArtifacts) {
      if (!parts.empty()) parts += ", ";
      parts += std::string(kindLabel(d.kind)) + " " + formatBytes(d.bytes);
      typescript |= d.kind == ArtifactKind::TypeSources;
      maps |= d.kind == ArtifactKind::SourceMaps;
      devTools |= d.kind == ArtifactKind::DevTool;
      vcs |= d.kind == ArtifactKind::Vcs;
      for (const std::string& e : d.examples) {
        node |= e.find("node_modules/") != std::string::npos;
        python |= e.ends_with(".py") || e.find(".dist-info") != std::string::npos;
      }
    }
    node |= ctx.package.ecosystem == "npm";
    python |= ctx.package.ecosystem == "python";
    Finding f = packageFinding(ctx, kInfo, Level::Warning,
                               thousands(files) + (files == 1 ? " file (" : " files (") + formatBytes(bytes) +
                                   ", " + share(bytes, total) + " of the package) " +
                                   (files == 1 ? "is" : "are") + " not needed at run time: " + parts +
                                   "; every cold start downloads and unpacks them");
    std::string examples;
    size_t shown = 0;
    for (const DevArtifacts& d : a.devArtifacts)
      for (const std::string& e : d.examples) {
        if (shown == 6) break;
        examples += (shown++ ? ", " : "") + e;
      }
    if (!examples.empty()) f.message += " (for example " + examples + ")";

    if (node) {
      if (devTools)
        f.fixes.push_back(adviceFix("Install only production dependencies into the package: `npm ci "
                                    "--omit=dev` (dev tools such as typescript, jest and @types/* belong in "
                                    "devDependencies)"));
      f.fixes.push_back(adviceFix("Bundle the handler with esbuild (SAM: `Metadata: BuildMethod: esbuild`, "
                                  "with `Sourcemap: false` unless you use them): only the code the handler "
                                  "imports is packaged"));
      f.fixes.push_back(adviceFix("Or exclude the files in serverless.yml `package: patterns: ['!**/test/**', "
                                  "'!**/*.md', '!**/*.map', '!**/*.ts']`, or in each package's `.npmignore` "
                                  "/ `files` list for your own packages"));
    }
    if (python) {
      if (devTools)
        f.fixes.push_back(adviceFix("Keep test and lint tools (pytest, mypy, moto, pip, setuptools) in a "
                                    "requirements-dev.txt, not in the requirements.txt the build installs"));
      f.fixes.push_back(adviceFix("Prune tests and docs after `pip install -t`, or exclude them in "
                                  "serverless.yml `package: patterns: ['!**/tests/**', '!**/*.md']`"));
    }
    if (typescript || maps)
      f.fixes.push_back(adviceFix("Package the compiled JavaScript only: leave out `*.ts`, `*.d.ts` and "
                                  "`*.map` files (esbuild `Sourcemap: false`, tsc `sourceMap: false`; keep "
                                  "the maps only if the function runs with `NODE_OPTIONS=--enable-source-maps`)"));
    if (vcs)
      f.fixes.push_back(adviceFix("Build the package from a clean copy (`sam build` or `git archive`), "
                                  "never zip a working tree with its .git folder"));
    if (f.fixes.empty())
      f.fixes.push_back(adviceFix("Exclude these files when building the package"));
    out.push_back(std::move(f));
  }
};

} // namespace

std::unique_ptr<Check> makePackageDevArtifacts() { return std::make_unique<PackageDevArtifacts>(); }

} // namespace ll

// package-bundles-runtime-sdk: a deployment package that carries the AWS SDK the Lambda runtime
// already provides (boto3/botocore for Python, the v3 `@aws-sdk/*` packages for Node.js 18+), or
// the large, out-of-support v2 `aws-sdk`. Documentation: docs/rules/package-bundles-runtime-sdk.md.
#include "checks/PackageSupport.h"

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = "package-bundles-runtime-sdk",
    .name = "PackageBundlesRuntimeSdk",
    .defaultLevel = Level::Note,
    .tags = {"performance", "cold-start", "package", "lambda"},
    .languages = {"package"},
    .fixAvailability = "none",
};

std::string names(const std::vector<const RuntimeSdk*>& sdks, size_t max = 4) {
  std::string out;
  for (size_t i = 0; i < sdks.size() && i < max; ++i) out += (i ? ", " : "") + std::string("`") + sdks[i]->name + "`";
  if (sdks.size() > max) out += " and " + std::to_string(sdks.size() - max) + " more";
  return out;
}

class PackageBundlesRuntimeSdk final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }
  bool onPackages() const override { return true; }

  void runPackage(const PackageContext& ctx, std::vector<Finding>& out) const override {
    std::vector<const RuntimeSdk*> python, v3, v2;
    uint64_t pyBytes = 0, v3Bytes = 0, pyFiles = 0, v3Files = 0;
    for (const RuntimeSdk& s : ctx.analysis.runtimeSdks) {
      if (s.ecosystem == "python") {
        python.push_back(&s);
        pyBytes += s.bytes;
        pyFiles += s.files;
      } else if (s.v2) {
        v2.push_back(&s);
      } else {
        v3.push_back(&s);
        v3Bytes += s.bytes;
        v3Files += s.files;
      }
    }
    const uint64_t total = ctx.package.unzippedBytes;
    if (!python.empty()) {
      Finding f = packageFinding(
          ctx, kInfo, Level::Note,
          "the package bundles the AWS SDK for Python (" + names(python) + ", " + formatBytes(pyBytes) + " in " +
              thousands(pyFiles) + " files, " + share(pyBytes, total) +
              " of the package), which every Python runtime already provides; unless you pin a version on "
              "purpose, leave it out");
      f.fixes.push_back(adviceFix("Keep boto3 and botocore out of the requirements.txt that `sam build` "
                                  "installs (list them in a requirements-dev.txt for tests), or install "
                                  "the other dependencies with `pip install --no-deps -t` into the package"));
      f.fixes.push_back(adviceFix("With the Serverless Framework, exclude them in serverless.yml: "
                                  "`package: patterns: ['!boto3/**', '!botocore/**', '!s3transfer/**']`"));
      out.push_back(std::move(f));
    }
    if (!v3.empty()) {
      Finding f = packageFinding(
          ctx, kInfo, Level::Note,
          "the package bundles " + std::to_string(v3.size()) + " AWS SDK for JavaScript v3 package" +
              (v3.size() == 1 ? "" : "s") + " (" + names(v3) + ", " + formatBytes(v3Bytes) + " in " +
              thousands(v3Files) + " files, " + share(v3Bytes, total) +
              " of the package), which the Node.js 18 and later runtimes already provide; unless you pin a "
              "version on purpose, leave them out");
      f.fixes.push_back(adviceFix("Bundle with esbuild and mark the SDK external: in a SAM template, "
                                  "`Metadata: BuildMethod: esbuild` with `BuildProperties: External: "
                                  "['@aws-sdk/*', '@smithy/*']`; on the command line `esbuild --external:@aws-sdk/*`"));
      f.fixes.push_back(adviceFix("Without a bundler, make `@aws-sdk/*` devDependencies (`npm install "
                                  "--save-dev`) and package with `npm ci --omit=dev`, or exclude "
                                  "`node_modules/@aws-sdk/**` in serverless.yml `package.patterns`"));
      out.push_back(std::move(f));
    }
    for (const RuntimeSdk* s : v2) {
      Finding f = packageFinding(
          ctx, kInfo, Level::Note,
          "the package bundles the AWS SDK for JavaScript v2 (`aws-sdk`, " + formatBytes(s->bytes) + " in " +
              thousands(s->files) + " files, " + share(s->bytes, total) +
              " of the package): it is out of support and not part of the Node.js 18 and later runtimes; "
              "move to the v3 packages, which those runtimes provide");
      f.fixes.push_back(adviceFix("Replace `aws-sdk` with the `@aws-sdk/client-*` packages the code uses "
                                  "(the sdk-v2-import rule names them), then remove `aws-sdk` from "
                                  "package.json dependencies"));
      out.push_back(std::move(f));
    }
  }
};

} // namespace

std::unique_ptr<Check> makePackageBundlesRuntimeSdk() { return std::make_unique<PackageBundlesRuntimeSdk>(); }

} // namespace ll

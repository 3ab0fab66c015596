// package-too-large: a deployment package over Lambda's size quotas (an error) or over the
// budget below them (a warning). Documentation: docs/rules/package-too-large.md.
#include "checks/PackageSupport.h"

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = "package-too-large",
    .name = "PackageTooLarge",
    .defaultLevel = Level::Error,
    .tags = {"performance", "cold-start", "package", "lambda"},
    .languages = {"package"},
    .fixAvailability = "none",
};

uint64_t devBytes(const PackageAnalysis& a) {
  uint64_t total = 0;
  for (const DevArtifacts& d : a.devArtifacts) total += d.bytes;
  return total;
}

class PackageTooLarge final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }
  bool onPackages() const override { return true; }

  void runPackage(const PackageContext& ctx, std::vector<Finding>& out) const override {
    const Package& p = ctx.package;
    if (!p.readable) return;
    const double budget = ctx.options.budgetShare;
    // A function counts its layers toward the unzipped quota; a layer is checked on its own.
    const uint64_t layers = p.layer ? 0 : ctx.layersUnzippedBytes;
    const uint64_t unzipped = p.unzippedBytes + layers;
    const bool zip = p.source == Package::Source::Zip;

    std::vector<std::string> problems;
    Level level = Level::Note;
    auto over = [&](uint64_t value, uint64_t quota, const std::string& what, const std::string& detail,
                    const std::string& quotaText) {
      const std::string figure = what + " " + formatBytes(value) + detail;
      if (value > quota) {
        level = Level::Error;
        problems.push_back(figure + " is over the " + quotaText + " quota");
      } else if (double(value) > budget * double(quota)) {
        if (level != Level::Error) level = Level::Warning;
        problems.push_back(figure + " is over " + share(uint64_t(budget * 1000), 1000) + " of the " + quotaText +
                           " quota");
      }
    };
    if (zip) over(p.archiveBytes, kZippedQuotaBytes, "zipped size", "", "50 MB (52,428,800 bytes) direct-upload");
    std::string detail;
    if (layers)
      detail = " (" + formatBytes(p.unzippedBytes) + " of its own and " + formatBytes(layers) + " in " +
               std::to_string(ctx.layerCount) + " layer" + (ctx.layerCount == 1 ? "" : "s") + ")";
    over(unzipped, kUnzippedQuotaBytes, "unzipped size", detail, "250 MB (262,144,000 bytes) unzipped");
    if (problems.empty()) return;

    std::string message = std::string(p.layer ? "layer " : "deployment package ") + "is too large: ";
    for (size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
    if (!ctx.analysis.contributors.empty())
      message += "; largest: " + largestContributors(ctx.analysis, p.unzippedBytes);
    if (level == Level::Error)
      message += p.layer ? "; Lambda will not accept it" : "; Lambda will not deploy it";
    Finding f = packageFinding(ctx, kInfo, level, std::move(message));

    // What to do, most specific first.
    uint64_t sdk = 0;
    for (const RuntimeSdk& s : ctx.analysis.runtimeSdks)
      if (!s.v2) sdk += s.bytes;
    if (sdk)
      f.fixes.push_back(adviceFix("Leave out the AWS SDK the runtime provides (" + formatBytes(sdk) +
                                  "; see package-bundles-runtime-sdk)"));
    if (uint64_t dev = devBytes(ctx.analysis))
      f.fixes.push_back(adviceFix("Exclude tests, docs, caches and dev tools (" + formatBytes(dev) +
                                  "; see package-dev-artifacts)"));
    if (zip && p.archiveBytes > kZippedQuotaBytes && unzipped <= kUnzippedQuotaBytes)
      f.fixes.push_back(adviceFix("Upload the .zip through an S3 bucket (`sam deploy` and `aws lambda "
                                  "update-function-code --s3-bucket` do): the 50 MB limit is for direct uploads"));
    f.fixes.push_back(adviceFix("Ship large dependencies such as native libraries and ML models as a "
                                "container image (up to 10 GB), or load data from S3 or EFS at run time"));
    out.push_back(std::move(f));
  }
};

} // namespace

std::unique_ptr<Check> makePackageTooLarge() { return std::make_unique<PackageTooLarge>(); }

} // namespace ll

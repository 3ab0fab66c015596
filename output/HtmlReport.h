#pragma once
// --report FILE.html: one self-contained page (inline CSS, SVG and script; no network, no CDN)
// that pictures each deployment package: a treemap of its contents by folder and a bar chart of
// its largest dependencies, with Lambda's quotas (and the budget) drawn in, and the findings.
#include "core/Diagnostic.h"
#include "package/Package.h"

#include <ostream>
#include <string>
#include <vector>

namespace ll {

struct PackageReportItem {
  const Package* package = nullptr;
  const PackageAnalysis* analysis = nullptr;
  std::vector<const Finding*> findings; // the package rules' findings on this package
};

struct PackageReport {
  std::vector<PackageReportItem> packages; // functions first, then layers
  /// Unzipped bytes of the layers given with --layer: they count toward each function's
  /// unzipped quota.
  uint64_t layersUnzippedBytes = 0;
  double budgetShare = 0.8;  // the warning budget, as a share of each quota
  std::string generator;     // "lambda-lint 0.1.0"
};

void writeHtmlReport(std::ostream& os, const PackageReport& report);

} // namespace ll

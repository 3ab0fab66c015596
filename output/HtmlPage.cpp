// --report FILE.html: one self-contained page per run. Everything is computed here and written
// inline as HTML and SVG: no script, no font, no image, no link, and a Content-Security-Policy
// that forbids fetching anything, so the page works offline and cannot leak a package's names.
// The output is deterministic (stable ordering, integer pixel positions, locale-independent
// numbers), which keeps it diffable and lets the headless-Chromium test check the picture.
#include "output/HtmlReport.h"

#include "output/HtmlSupport.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ll {

using namespace htmldetail;

namespace {


// ---------------------------------------------------------------------------------------------
// The page

constexpr std::string_view kStyle = R"(
body{margin:0;background:#fff;color:#1a1a1a;font:13px/1.45 sans-serif}
main{width:1200px;margin:0 auto;padding:12px 0 32px}
h1{font-size:20px;margin:4px 0 2px}
h2{font-size:16px;margin:0 0 2px;overflow-wrap:anywhere}
h3{font-size:14px;margin:14px 0 4px}
p{margin:2px 0}
.summary{color:#444}
section.package{border-top:2px solid #d0d0d0;margin-top:18px;padding-top:10px}
.facts{color:#333}
.kind{display:inline-block;padding:0 6px;border-radius:3px;background:#e6e6e6;font-size:12px;margin-right:6px}
svg{display:block}
svg text{font:11px sans-serif;fill:#1a1a1a}
svg text.tm-dir-label{font-weight:bold}
svg text.tm-label,svg text.tm-size{fill:#111}
svg text.q-over{fill:#a0150b;font-weight:bold}
svg text.q-warn{fill:#8a5a00;font-weight:bold}
.legend{margin:2px 0 6px}
.key{margin-right:14px;white-space:nowrap}
.swatch{display:inline-block;width:12px;height:12px;vertical-align:-2px;margin-right:4px;border:1px solid #888}
.note{color:#555;font-size:12px}
ul.findings{list-style:none;padding:0;margin:4px 0}
ul.findings li{margin:4px 0;padding:4px 8px;border-left:4px solid #888;background:#f6f6f6;white-space:pre-wrap;overflow-wrap:anywhere}
ul.findings li.error{border-color:#d7301f}
ul.findings li.warning{border-color:#e8a33d}
ul.findings li.note{border-color:#4e79a7}
.level{font-weight:bold;margin-right:6px}
code{font:12px monospace}
)";

void writeFindings(std::ostream& os, const PackageReportItem& item) {
  os << "<h3>Findings</h3>\n";
  std::vector<const Finding*> findings;
  for (const Finding* f : item.findings)
    if (f) findings.push_back(f);
  if (findings.empty()) {
    os << "<p class='empty'>No findings.</p>\n";
    return;
  }
  os << "<ul class='findings'>\n";
  for (const Finding* f : findings) {
    os << "<li class='" << levelName(f->level) << "'><span class='level'>" << levelName(f->level)
       << "</span><code>" << esc(f->rule) << "</code> " << esc(f->message);
    for (const Fix& fix : f->fixes)
      if (!fix.description.empty()) os << "\n<span class='fix'>fix: " << esc(fix.description) << "</span>";
    os << "</li>\n";
  }
  os << "</ul>\n";
}

void writePackage(std::ostream& os, const PackageReportItem& item, const PackageReport& report, size_t index) {
  const Package& pkg = *item.package;
  const bool zip = pkg.source == Package::Source::Zip;
  os << "<section class='package' id='pkg-" << index << "'>\n";
  os << "<h2><span class='kind'>" << (pkg.layer ? "layer" : "function") << "</span>" << esc(pkg.path) << "</h2>\n";
  os << "<p class='facts'>" << (zip ? "zip archive" : "folder");
  if (!pkg.ecosystem.empty()) os << " · " << esc(pkg.ecosystem);
  if (zip) os << " · " << bytesText(pkg.archiveBytes) << " zipped";
  os << " · " << bytesText(pkg.unzippedBytes) << " unzipped";
  if (zip && pkg.archiveBytes > 0)
    os << " · ratio " << fixed(static_cast<double>(pkg.unzippedBytes) / static_cast<double>(pkg.archiveBytes), 2);
  os << " · " << grouped(pkg.files) << (pkg.files == 1 ? " file" : " files") << "</p>\n";
  if (!pkg.readable) os << "<p class='note'>The package could not be read.</p>\n";
  else if (!pkg.complete) os << "<p class='note'>Parts of the package could not be read: the figures are a lower bound.</p>\n";
  if (!pkg.notices.empty()) {
    os << "<ul class='findings notices'>\n";
    for (const Notice& n : pkg.notices)
      os << "<li class='" << levelName(n.level) << "'><span class='level'>" << levelName(n.level) << "</span>"
         << esc(n.path.empty() ? n.message : n.path + ": " + n.message) << "</li>\n";
    os << "</ul>\n";
  }

  if (pkg.readable) {
    os << "<h3>Quotas</h3>\n";
    std::vector<QuotaRow> rows;
    if (pkg.layer) rows.push_back({"unzipped (this layer)", pkg.unzippedBytes, 0, "", kUnzippedQuotaBytes});
    else
      rows.push_back({report.layersUnzippedBytes > 0 ? "unzipped, with the layers" : "unzipped", pkg.unzippedBytes,
                      report.layersUnzippedBytes, "layers", kUnzippedQuotaBytes});
    if (zip) rows.push_back({"zipped (direct upload)", pkg.archiveBytes, 0, "", kZippedQuotaBytes});
    writeQuotaBars(os, rows, report.budgetShare, index);
    writeTreemap(os, pkg, item.analysis, index);
    if (item.analysis) writeBarChart(os, pkg, *item.analysis, kUnzippedQuotaBytes, report.budgetShare, index);
  }
  writeFindings(os, item);
  os << "</section>\n";
}

} // namespace

void writeHtmlReport(std::ostream& os, const PackageReport& report) {
  os << "<!doctype html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        R"(<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">)"
        "\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n";
  if (!report.generator.empty()) os << "<meta name='generator' content='" << esc(report.generator) << "'>\n";
  os << "<title>lambda-lint: deployment packages</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<main>\n";
  os << "<h1>Deployment packages</h1>\n<p class='summary'>" << grouped(report.packages.size())
     << (report.packages.size() == 1 ? " package" : " packages") << " · quotas: " << bytesText(kUnzippedQuotaBytes)
     << " unzipped with the layers, " << bytesText(kZippedQuotaBytes) << " zipped for direct upload · budget "
     << esc(percent(report.budgetShare)) << " of each";
  if (report.layersUnzippedBytes > 0)
    os << " · the layers add " << bytesText(report.layersUnzippedBytes) << " to each function";
  if (!report.generator.empty()) os << " · " << esc(report.generator);
  os << "</p>\n";
  size_t index = 0;
  for (const PackageReportItem& item : report.packages) {
    ++index;
    if (item.package) writePackage(os, item, report, index);
  }
  os << "</main>\n</body>\n</html>\n";
}

} // namespace ll

// The --report HTML page: escaping, determinism, bounded size for large packages, and the odd
// cases (empty, unreadable). The picture itself is checked in headless Chromium
// (test/html/check_report.py, ctest: html-report).
#include "package/Package.h"
#include "core/Source.h"
#include "output/HtmlReport.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace ll;

namespace {

std::string render(const PackageReport& report) {
  std::ostringstream os;
  writeHtmlReport(os, report);
  return os.str();
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

Package package(std::vector<PackageEntry> entries, Package::Source source = Package::Source::Folder) {
  Package p;
  p.source = source;
  p.path = "pkg";
  p.entries = std::move(entries);
  for (const PackageEntry& e : p.entries) {
    p.unzippedBytes += e.size;
    ++p.files;
    p.archiveBytes += source == Package::Source::Zip ? e.compressed : 0;
  }
  return p;
}

PackageAnalysis allCode(const Package& p) {
  PackageAnalysis a;
  a.kinds.assign(p.entries.size(), ArtifactKind::Code);
  return a;
}

PackageReport reportOf(const Package& p, const PackageAnalysis& a) {
  PackageReport r;
  r.generator = "lambda-lint test";
  r.packages.push_back({&p, &a, {}});
  return r;
}

} // namespace

TEST(HtmlReport, EscapesNamesAndReplacesInvalidBytes) {
  Package p = package({{"<script>alert(1).py", 4'000'000, 4'000'000, false},
                       {"a\"b'c&d/\xFF\xFE\x01name.py", 3'000'000, 3'000'000, false},
                       {"\xC3\xA9t\xC3\xA9.py", 2'000'000, 2'000'000, false}});
  p.path = "build/<b>fn</b>&\"x\".zip";
  PackageAnalysis a = allCode(p);
  a.contributors.push_back({"<script>", "python", 4'000'000, 4'000'000, 1});
  Finding f;
  f.rule = "package-too-large";
  f.message = "too <large> & \xC0\xAF";
  PackageReport r = reportOf(p, a);
  r.packages[0].findings.push_back(&f);
  const std::string html = render(r);
  EXPECT_TRUE(isValidUtf8(html));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("build/&lt;b&gt;fn&lt;/b&gt;&amp;&quot;x&quot;.zip"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1).py"), std::string::npos);
  EXPECT_NE(html.find("a&quot;b&#39;c&amp;d"), std::string::npos);
  EXPECT_NE(html.find("too &lt;large&gt; &amp; \xEF\xBF\xBD\xEF\xBF\xBD"), std::string::npos); // overlong: 2 bytes
  EXPECT_NE(html.find("\xC3\xA9t\xC3\xA9.py"), std::string::npos);                             // valid UTF-8 kept
  EXPECT_EQ(html.find('\x01'), std::string::npos);
}

TEST(HtmlReport, SelfContainedAndDeterministic) {
  Package p = package({{"app.py", 1000, 400, false}, {"lib/x.py", 5000, 900, false}}, Package::Source::Zip);
  PackageAnalysis a = allCode(p);
  const std::string html = render(reportOf(p, a));
  EXPECT_EQ(html, render(reportOf(p, a)));
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src 'unsafe-inline'; img-src data:\">"),
            std::string::npos);
  for (const char* resource : {"<script", "<link", "<img", "src=", "href=", "url(", "://"})
    EXPECT_EQ(html.find(resource), std::string::npos) << resource;
  EXPECT_NE(html.find("lambda-lint test"), std::string::npos);
}

TEST(HtmlReport, ThirtyThousandFilesStayASmallPage) {
  std::vector<PackageEntry> entries;
  for (int pkg = 0; pkg < 300; ++pkg)
    for (int file = 0; file < 100; ++file)
      entries.push_back({"node_modules/pkg" + std::to_string(pkg) + "/lib/sub" + std::to_string(file % 7) + "/f" +
                             std::to_string(file) + ".js",
                         static_cast<uint64_t>(1000 + (pkg * 7919 + file * 104729) % 50000), 0, false});
  Package p = package(std::move(entries));
  PackageAnalysis a = allCode(p);
  for (size_t i = 0; i < a.kinds.size(); i += 5) a.kinds[i] = ArtifactKind::Tests;
  const std::string html = render(reportOf(p, a));
  const size_t treemapBegin = html.find("<svg class='treemap'");
  const size_t treemapEnd = html.find("</svg>", treemapBegin);
  ASSERT_NE(treemapBegin, std::string::npos);
  const std::string treemap = html.substr(treemapBegin, treemapEnd - treemapBegin);
  EXPECT_LE(count(treemap, "<rect"), 520u);
  EXPECT_GE(count(treemap, "<rect"), 20u);
  EXPECT_NE(treemap.find("more)"), std::string::npos); // small items are aggregated
  EXPECT_LT(html.size(), 300'000u);
  // Every rectangle lies inside the 1200x480 treemap.
  const std::regex rect(R"re(<rect x='(-?\d+)' y='(-?\d+)' width='(\d+)' height='(\d+)')re");
  for (auto it = std::sregex_iterator(treemap.begin(), treemap.end(), rect); it != std::sregex_iterator(); ++it) {
    const int x = std::stoi((*it)[1]), y = std::stoi((*it)[2]), w = std::stoi((*it)[3]), h = std::stoi((*it)[4]);
    EXPECT_TRUE(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1200 && y + h <= 480) << it->str();
  }
}

TEST(HtmlReport, DeepAndOddPaths) {
  std::string deep;
  for (int i = 0; i < 20'000; ++i) deep += "d/";
  Package p = package({{deep + "f.py", 5000, 0, false},
                       {deep, 0, 0, false},
                       {"", 100, 0, false},
                       {"./a//b/./c.py", 3000, 0, false},
                       {"/abs.py", 2000, 0, false}});
  PackageAnalysis a = allCode(p);
  const std::string html = render(reportOf(p, a));
  EXPECT_TRUE(isValidUtf8(html));
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_LT(html.size(), 20'000u); // tooltips keep the start and the end of long paths
}

TEST(HtmlReport, QuotaStatesAndLayers) {
  Package p = package({{"big.bin", 230'000'000, 60'000'000, false}}, Package::Source::Zip);
  PackageAnalysis a = allCode(p);
  PackageReport r = reportOf(p, a);
  r.layersUnzippedBytes = 40'000'000;
  const std::string html = render(r);
  // Unzipped 270,000,000 with the layers: over; zipped 60,000,000: over 50 MiB.
  EXPECT_EQ(count(html, "data-state='over'"), 2u);
  EXPECT_NE(html.find("unzipped, with the layers"), std::string::npos);
  EXPECT_NE(html.find("class='q-extra'"), std::string::npos);

  Package small = package({{"a.py", 1000, 500, false}});
  PackageAnalysis sa = allCode(small);
  const std::string ok = render(reportOf(small, sa));
  EXPECT_EQ(count(ok, "data-state='ok'"), 1u); // a folder: no zipped quota
  EXPECT_EQ(ok.find("zipped (direct upload)"), std::string::npos);
}

TEST(HtmlReport, BarsHighlightRuntimeSdksAndDevArtifacts) {
  Package p = package({{"node_modules/typescript/lib/typescript.js", 9'000'000, 0, false},
                       {"node_modules/@aws-sdk/client-s3/index.js", 2'000'000, 0, false},
                       {"node_modules/zod/lib/index.js", 1'000'000, 0, false},
                       {"lib/app.js", 500'000, 0, false}});
  p.ecosystem = "npm";
  PackageAnalysis a = allCode(p);
  a.kinds[0] = ArtifactKind::DevTool;
  a.contributors = {{"typescript", "npm", 9'000'000, 0, 1},
                    {"@aws-sdk/client-s3", "npm", 2'000'000, 0, 1},
                    {"zod", "npm", 1'000'000, 0, 1},
                    {"lib", "", 500'000, 0, 1}};
  a.runtimeSdks = {{"@aws-sdk/client-s3", "npm", false, 2'000'000, 1}};
  a.devArtifacts = {{ArtifactKind::DevTool, 9'000'000, 1, {"node_modules/typescript"}},
                    {ArtifactKind::TypeSources, 10, 1, {"node_modules/zod/lib"}}};
  const std::string html = render(reportOf(p, a));
  EXPECT_NE(html.find("data-kind='dev-tool' data-bytes='9000000'"), std::string::npos);
  EXPECT_NE(html.find("data-kind='runtime-sdk' data-bytes='2000000'"), std::string::npos);
  EXPECT_NE(html.find("data-kind='dependency' data-bytes='1000000'"), std::string::npos);
  // The function's own lib/ is not zod's lib/.
  EXPECT_NE(html.find("data-kind='own' data-bytes='500000'"), std::string::npos);
  // Scoped npm packages read as one name in the treemap.
  EXPECT_NE(html.find("node_modules/@aws-sdk/client-s3"), std::string::npos);
}

TEST(HtmlReport, EmptyUnreadableAndMissingAnalysis) {
  Package empty = package({});
  PackageAnalysis ea = allCode(empty);
  EXPECT_NE(render(reportOf(empty, ea)).find("No files."), std::string::npos);

  Package bad = package({});
  bad.readable = false;
  bad.notices.push_back({Level::Error, "pkg", std::nullopt, "truncated <zip>"});
  const std::string html = render(reportOf(bad, ea));
  EXPECT_NE(html.find("could not be read"), std::string::npos);
  EXPECT_NE(html.find("truncated &lt;zip&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<svg class='treemap'"), std::string::npos);

  // No analysis: the treemap counts everything as code, and there is no bar chart.
  Package p = package({{"a/b.py", 100, 100, false}, {"a/c.py", 300, 300, false}});
  PackageReport r;
  r.packages.push_back({&p, nullptr, {}});
  const std::string noAnalysis = render(r);
  EXPECT_NE(noAnalysis.find("data-kind='code'"), std::string::npos);
  EXPECT_EQ(noAnalysis.find("<svg class='bars'"), std::string::npos);
}

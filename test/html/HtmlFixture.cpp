// lambda-lint-html-fixture OUT.html: writes the --report page for fixed synthetic packages, so the
// HTML report's rendering test (check_report.py, run by ctest as html-report) needs neither the
// package readers nor real archives:
//   1. a Python function zip, 180,000,000 bytes unzipped: its own code, tests and docs, numpy,
//      pandas, boto3/botocore (which the runtime provides), mypy and pytest (dev tools), caches;
//      over the zipped quota and, with the layer, over the unzipped budget;
//   2. a small Node.js function folder with @aws-sdk v3 clients, typescript, source maps, and
//      file names that need escaping (markup, quotes, an invalid UTF-8 byte);
//   3. a layer of 40,000,000 bytes, counted toward each function's unzipped quota.
// Everything is deterministic: the same bytes on every run.
#include "core/Diagnostic.h"
#include "package/Package.h"
#include "output/HtmlReport.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace ll;

namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t MiB = 1024 * KiB;

/// A package under construction, with the facts analyzePackage would compute.
class Builder {
public:
  Builder(Package::Source source, std::string path, std::string ecosystem, bool layer = false) {
    pkg_.source = source;
    pkg_.path = std::move(path);
    pkg_.ecosystem = std::move(ecosystem);
    pkg_.layer = layer;
  }

  void add(const std::string& path, uint64_t size, ArtifactKind kind = ArtifactKind::Code) {
    PackageEntry e;
    e.path = path;
    e.size = size;
    e.compressed = pkg_.source == Package::Source::Zip ? size * ratioPercent(path) / 100 : size;
    pkg_.entries.push_back(std::move(e));
    kinds_.push_back(kind);
  }

  /// `count` files named prefix + i + suffix, sizes spread between lo and hi.
  void addMany(const std::string& prefix, int count, const std::string& suffix, uint64_t lo, uint64_t hi,
               ArtifactKind kind = ArtifactKind::Code) {
    for (int i = 0; i < count; ++i) add(prefix + std::to_string(i) + suffix, lo + next() % (hi - lo + 1), kind);
  }

  /// Pads the last entry so that the package holds exactly `total` bytes.
  void padTo(uint64_t total) {
    uint64_t sum = 0;
    for (const PackageEntry& e : pkg_.entries) sum += e.size;
    if (sum < total) {
      PackageEntry& e = pkg_.entries.back();
      e.size += total - sum;
      e.compressed = pkg_.source == Package::Source::Zip ? e.size * ratioPercent(e.path) / 100 : e.size;
    }
  }

  /// Finishes the package: totals, contributors (by `contributorOf`: name and ecosystem),
  /// runtime SDKs and dev artifacts (with their example paths).
  std::pair<Package, PackageAnalysis>
  finish(const std::function<std::pair<std::string, std::string>(const std::string&)>& contributorOf,
         const std::vector<std::string>& runtimeSdks, const std::map<ArtifactKind, std::vector<std::string>>& examples) {
    PackageAnalysis a;
    a.kinds = kinds_;
    std::map<std::string, Contributor> byName;
    std::map<ArtifactKind, DevArtifacts> dev;
    uint64_t compressed = 0;
    for (size_t i = 0; i < pkg_.entries.size(); ++i) {
      const PackageEntry& e = pkg_.entries[i];
      pkg_.unzippedBytes += e.size;
      compressed += e.compressed;
      ++pkg_.files;
      auto [name, ecosystem] = contributorOf(e.path);
      Contributor& c = byName[name];
      c.name = name;
      c.ecosystem = ecosystem;
      c.bytes += e.size;
      c.compressed += e.compressed;
      ++c.files;
      if (kinds_[i] != ArtifactKind::Code) {
        DevArtifacts& d = dev[kinds_[i]];
        d.kind = kinds_[i];
        d.bytes += e.size;
        ++d.files;
      }
    }
    if (pkg_.source == Package::Source::Zip) pkg_.archiveBytes = compressed + 98 * pkg_.files + 22;
    for (auto& [name, c] : byName) a.contributors.push_back(c);
    std::stable_sort(a.contributors.begin(), a.contributors.end(),
                     [](const Contributor& x, const Contributor& y) { return x.bytes > y.bytes; });
    for (const std::string& sdk : runtimeSdks) {
      const Contributor& c = byName.at(sdk);
      a.runtimeSdks.push_back({c.name, c.ecosystem, sdk == "aws-sdk", c.bytes, c.files});
    }
    std::stable_sort(a.runtimeSdks.begin(), a.runtimeSdks.end(),
                     [](const RuntimeSdk& x, const RuntimeSdk& y) { return x.bytes > y.bytes; });
    for (auto& [kind, d] : dev) {
      auto it = examples.find(kind);
      if (it != examples.end()) d.examples = it->second;
      a.devArtifacts.push_back(d);
    }
    std::stable_sort(a.devArtifacts.begin(), a.devArtifacts.end(),
                     [](const DevArtifacts& x, const DevArtifacts& y) { return x.bytes > y.bytes; });
    return {std::move(pkg_), std::move(a)};
  }

private:
  static uint64_t ratioPercent(const std::string& path) {
    auto ends = [&](const std::string& s) { return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0; };
    if (ends(".so") || path.find(".so.") != std::string::npos) return 33;
    if (ends(".json") || ends(".md") || ends(".map")) return 14;
    if (ends(".png") || ends(".gz")) return 98;
    return 27;
  }

  uint64_t next() { // xorshift64: sizes that look random, the same on every run
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }

  Package pkg_;
  std::vector<ArtifactKind> kinds_;
  uint64_t state_ = 0x9E3779B97F4A7C15ull;
};

std::string topLevel(const std::string& path) { return path.substr(0, path.find('/')); }

std::pair<Package, PackageAnalysis> pythonFunction() {
  using K = ArtifactKind;
  Builder b(Package::Source::Zip, "build/orders-function.zip", "python");
  // The function's own files.
  b.add("app.py", 14 * KiB);
  b.add("orders/__init__.py", 120);
  b.add("orders/handler.py", 22 * KiB);
  b.add("orders/models.py", 9 * KiB);
  b.add("orders/repository.py", 17 * KiB);
  b.add("orders/__pycache__/handler.cpython-312.pyc", 31 * KiB, K::Cache);
  b.add("orders/__pycache__/models.cpython-312.pyc", 12 * KiB, K::Cache);
  b.add("tests/conftest.py", 4 * KiB, K::Tests);
  b.addMany("tests/test_orders_", 12, ".py", 6 * KiB, 40 * KiB, K::Tests);
  b.addMany("tests/fixtures/event_", 40, ".json", 8 * KiB, 60 * KiB, K::Tests);
  b.addMany("docs/", 9, ".md", 20 * KiB, 90 * KiB, K::Docs);
  b.addMany("docs/img/diagram", 6, ".png", 120 * KiB, 300 * KiB, K::Docs);
  b.add(".DS_Store", 10 * KiB, K::BuildLeftover);
  // numpy: extension modules, its own tests, and the bundled OpenBLAS.
  for (const char* sub : {"core", "linalg", "random", "fft", "polynomial", "ma", "lib", "f2py", "typing"}) {
    const std::string dir = std::string("numpy/") + sub + "/";
    b.addMany(dir + "module_", 18, ".py", 4 * KiB, 90 * KiB);
    b.addMany(dir + "tests/test_", 14, ".py", 20 * KiB, 160 * KiB, K::Tests);
  }
  b.add("numpy/core/_multiarray_umath.cpython-312-x86_64-linux-gnu.so", 9 * MiB);
  b.add("numpy/core/_simd.cpython-312-x86_64-linux-gnu.so", 3 * MiB);
  b.addMany("numpy/random/_generator_", 6, ".cpython-312-x86_64-linux-gnu.so", 600 * KiB, 1200 * KiB);
  b.add("numpy/linalg/_umath_linalg.cpython-312-x86_64-linux-gnu.so", 220 * KiB);
  b.add("numpy-1.26.4.dist-info/RECORD", 72 * KiB);
  b.add("numpy-1.26.4.dist-info/METADATA", 60 * KiB);
  b.add("numpy.libs/libgfortran-040039e1.so.5.0.0", 2700 * KiB);
  b.add("numpy.libs/libquadmath-96973f99.so.0.0.0", 250 * KiB);
  // pandas: large compiled core, and a very large test suite.
  b.addMany("pandas/_libs/lib_", 24, ".cpython-312-x86_64-linux-gnu.so", 400 * KiB, 1800 * KiB);
  b.addMany("pandas/_libs/tslibs/ts_", 16, ".cpython-312-x86_64-linux-gnu.so", 200 * KiB, 900 * KiB);
  for (const char* sub : {"core", "io", "plotting", "util", "api", "compat", "arrays"})
    b.addMany(std::string("pandas/") + sub + "/mod_", 40, ".py", 6 * KiB, 120 * KiB);
  for (const char* sub : {"frame", "series", "indexes", "io", "arithmetic", "groupby", "reshape", "tools"})
    b.addMany(std::string("pandas/tests/") + sub + "/test_", 45, ".py", 10 * KiB, 90 * KiB, K::Tests);
  b.addMany("pandas/io/formats/templates/t", 8, ".tpl", 2 * KiB, 8 * KiB);
  b.add("pandas-2.2.2.dist-info/RECORD", 190 * KiB);
  // The AWS SDK, which the Python runtime already provides.
  b.addMany("boto3/mod_", 30, ".py", 6 * KiB, 40 * KiB);
  b.addMany("boto3/data/service_", 20, ".json", 2 * KiB, 20 * KiB);
  b.addMany("botocore/mod_", 60, ".py", 8 * KiB, 60 * KiB);
  for (int i = 0; i < 320; ++i) {
    const std::string dir = "botocore/data/service" + std::to_string(i) + "/2023-01-01/";
    b.add(dir + "service-2.json.gz", 4 * KiB + (static_cast<uint64_t>(i) * 7919 % 60) * KiB);
    b.add(dir + "paginators-1.json", 1 * KiB + static_cast<uint64_t>(i) * 31 % 4 * KiB);
  }
  b.addMany("s3transfer/mod_", 14, ".py", 6 * KiB, 40 * KiB);
  b.addMany("jmespath/mod_", 8, ".py", 4 * KiB, 30 * KiB);
  // Smaller dependencies.
  b.addMany("pytz/zoneinfo/Zone", 600, "", 1 * KiB, 8 * KiB);
  b.addMany("dateutil/mod_", 20, ".py", 4 * KiB, 60 * KiB);
  b.addMany("tzdata/zoneinfo/Zone", 500, "", 1 * KiB, 5 * KiB);
  b.add("six.py", 34 * KiB);
  b.addMany("urllib3/mod_", 30, ".py", 6 * KiB, 40 * KiB);
  // Dev tools that have no business in a deployment package.
  b.addMany("mypy/mod_", 90, ".py", 20 * KiB, 90 * KiB, K::DevTool);
  b.addMany("mypy/typeshed/stdlib/mod_", 300, ".pyi", 4 * KiB, 30 * KiB, K::DevTool);
  b.add("mypy/checker.cpython-312-x86_64-linux-gnu.so", 4 * MiB, K::DevTool);
  b.addMany("_pytest/mod_", 60, ".py", 8 * KiB, 50 * KiB, K::DevTool);
  b.addMany("pytest/mod_", 4, ".py", 2 * KiB, 6 * KiB, K::DevTool);
  b.addMany("pluggy/mod_", 10, ".py", 4 * KiB, 20 * KiB, K::DevTool);
  // numpy's OpenBLAS comes last: it absorbs the difference to exactly 180,000,000 bytes.
  b.add("numpy.libs/libopenblas64_p-r0-0cf96a72.3.23.dev.so", 1 * MiB);
  b.padTo(180'000'000);

  auto contributorOf = [](const std::string& path) -> std::pair<std::string, std::string> {
    std::string top = topLevel(path);
    if (top == "app.py" || top == "orders" || top == "tests" || top == "docs" || top == ".DS_Store")
      return {top == ".DS_Store" ? "(other files)" : top, ""};
    for (const char* sep : {".libs", "-"})
      if (size_t at = top.find(sep); at != std::string::npos && at > 0) top = top.substr(0, at);
    if (top == "_pytest") top = "pytest";
    return {top, "python"};
  };
  return b.finish(contributorOf, {"boto3", "botocore"},
                  {{K::Tests, {"tests", "pandas/tests", "numpy/core/tests", "numpy/linalg/tests"}},
                   {K::Docs, {"docs"}},
                   {K::DevTool, {"mypy", "_pytest", "pytest", "pluggy"}},
                   {K::Cache, {"orders/__pycache__"}},
                   {K::BuildLeftover, {".DS_Store"}}});
}

std::pair<Package, PackageAnalysis> nodeFunction() {
  using K = ArtifactKind;
  Builder b(Package::Source::Folder, ".aws-sam/build/ApiFunction", "npm");
  b.add("index.mjs", 48 * KiB);
  b.add("index.mjs.map", 160 * KiB, K::SourceMaps);
  b.add("lib/routes.mjs", 22 * KiB);
  b.add("lib/routes.ts", 18 * KiB, K::TypeSources);
  // Names that need escaping, large enough to be labelled in the treemap and the bar chart.
  b.add("lib/<img src=x onerror=alert(1)>.mjs", 2 * MiB);
  b.add("lib/caf\xE9-latin1.mjs", 3 * MiB / 2);
  b.addMany("node_modules/\"quoted\" & 'single'/m", 30, ".js", 40 * KiB, 60 * KiB);
  b.add("package.json", 1 * KiB);
  for (const char* client : {"client-dynamodb", "client-s3", "lib-dynamodb", "core", "credential-providers"}) {
    const std::string dir = std::string("node_modules/@aws-sdk/") + client + "/dist-cjs/";
    b.addMany(dir + "m", 30, ".js", 8 * KiB, 70 * KiB);
  }
  for (const char* pkg : {"smithy-client", "core", "types", "middleware-retry", "node-http-handler"})
    b.addMany(std::string("node_modules/@smithy/") + pkg + "/dist-cjs/m", 12, ".js", 4 * KiB, 30 * KiB);
  b.addMany("node_modules/uuid/dist/m", 20, ".js", 1 * KiB, 6 * KiB);
  b.addMany("node_modules/zod/lib/m", 40, ".js", 4 * KiB, 40 * KiB);
  b.addMany("node_modules/zod/lib/m", 40, ".d.ts", 2 * KiB, 20 * KiB, K::TypeSources);
  b.add("node_modules/typescript/lib/typescript.js", 9 * MiB, K::DevTool);
  b.add("node_modules/typescript/lib/tsserver.js", 8 * MiB, K::DevTool);
  b.addMany("node_modules/typescript/lib/lib.", 80, ".d.ts", 4 * KiB, 60 * KiB, K::DevTool);
  b.addMany("node_modules/@types/node/m", 60, ".d.ts", 4 * KiB, 40 * KiB, K::DevTool);
  b.add("node_modules/.cache/esbuild/cache.bin", 900 * KiB, K::Cache);

  auto contributorOf = [](const std::string& path) -> std::pair<std::string, std::string> {
    if (path.rfind("node_modules/", 0) != 0) return {topLevel(path) == "lib" ? "lib" : "(other files)", ""};
    std::string rest = path.substr(13);
    size_t slash = rest.find('/');
    if (!rest.empty() && rest[0] == '@') slash = rest.find('/', slash + 1);
    return {rest.substr(0, slash), "npm"};
  };
  return b.finish(contributorOf, {"@aws-sdk/client-dynamodb", "@aws-sdk/client-s3", "@aws-sdk/lib-dynamodb", "@aws-sdk/core",
                                  "@aws-sdk/credential-providers"},
                  {{K::DevTool, {"node_modules/typescript", "node_modules/@types/node"}},
                   {K::SourceMaps, {"index.mjs.map"}},
                   {K::TypeSources, {"lib/routes.ts", "node_modules/zod/lib"}},
                   {K::Cache, {"node_modules/.cache"}}});
}

std::pair<Package, PackageAnalysis> layer() {
  Builder b(Package::Source::Zip, "layers/analytics-layer.zip", "python", true);
  const std::string sp = "python/lib/python3.12/site-packages/";
  b.add(sp + "pyarrow/libarrow.so.1600", 26 * MiB);
  b.add(sp + "pyarrow/libparquet.so.1600", 5 * MiB);
  b.addMany(sp + "pyarrow/mod_", 60, ".py", 4 * KiB, 60 * KiB);
  b.addMany(sp + "pyarrow/include/arrow/h", 200, ".h", 2 * KiB, 20 * KiB, ArtifactKind::BuildLeftover);
  b.addMany(sp + "requests/mod_", 18, ".py", 4 * KiB, 30 * KiB);
  b.padTo(40'000'000);
  auto contributorOf = [&](const std::string& path) -> std::pair<std::string, std::string> {
    const std::string rest = path.substr(sp.size());
    return {rest.substr(0, rest.find('/')), "python"};
  };
  return b.finish(contributorOf, {}, {{ArtifactKind::BuildLeftover, {sp + "pyarrow/include"}}});
}

Finding finding(const char* rule, Level level, std::string message, std::string fix = {}) {
  Finding f;
  f.rule = rule;
  f.level = level;
  f.message = std::move(message);
  if (!fix.empty()) f.fixes.push_back(Fix{std::move(fix), Applicability::DisplayOnly, {}, {}});
  return f;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: lambda-lint-html-fixture OUT.html\n";
    return 2;
  }
  const auto [py, pyAnalysis] = pythonFunction();
  const auto [node, nodeAnalysis] = nodeFunction();
  const auto [lay, layAnalysis] = layer();

  const std::vector<Finding> pyFindings = {
      finding("package-too-large", Level::Error,
              py.path + " is " + formatBytes(py.archiveBytes) + " zipped, over the " + formatBytes(kZippedQuotaBytes) +
                  " quota for direct upload; the largest contributors are pandas, numpy and botocore",
              "upload the package through S3, or remove what the function does not need"),
      finding("package-too-large", Level::Warning,
              py.path + " is " + formatBytes(py.unzippedBytes + lay.unzippedBytes) +
                  " unzipped with its layer, over the 80 % budget of the " + formatBytes(kUnzippedQuotaBytes) + " quota"),
      finding("package-bundles-runtime-sdk", Level::Note,
              "the package bundles boto3 and botocore, which the Python runtime provides"),
      finding("package-dev-artifacts", Level::Warning,
              "tests, docs, dev tools (mypy, pytest) and caches that no function needs at run time",
              "exclude them in the SAM template (BuildMethod: makefile) or pip install with --no-deps")};
  const std::vector<Finding> nodeFindings = {
      finding("package-dev-artifacts", Level::Warning,
              "typescript and @types/node (dev tools), source maps and .d.ts files: <not needed> & \"unused\"")};

  PackageReport report;
  report.generator = "lambda-lint html fixture";
  report.layersUnzippedBytes = lay.unzippedBytes;
  PackageReportItem a{&py, &pyAnalysis, {}};
  for (const Finding& f : pyFindings) a.findings.push_back(&f);
  PackageReportItem b{&node, &nodeAnalysis, {}};
  for (const Finding& f : nodeFindings) b.findings.push_back(&f);
  PackageReportItem c{&lay, &layAnalysis, {}};
  report.packages = {a, b, c};

  std::ofstream out(argv[1], std::ios::binary);
  if (!out) {
    std::cerr << "lambda-lint-html-fixture: cannot write " << argv[1] << "\n";
    return 1;
  }
  writeHtmlReport(out, report);
  out.close();
  if (!out) {
    std::cerr << "lambda-lint-html-fixture: error writing " << argv[1] << "\n";
    return 1;
  }
  return 0;
}

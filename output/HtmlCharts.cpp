// The HTML report's charts: the quota bars and the bar chart of the largest contributors.
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

namespace ll::htmldetail {

namespace {


// ---------------------------------------------------------------------------------------------
// Quota bars

constexpr long kQuotaWidth = 1200;
constexpr long kQuotaTrackX = 200;
constexpr long kQuotaTrackWidth = 900;
constexpr long kQuotaRow = 50;

} // namespace

void writeQuotaBars(std::ostream& os, const std::vector<QuotaRow>& rows, double budgetShare, size_t index) {
  const long height = kQuotaRow * static_cast<long>(rows.size()) + 4;
  os << "<svg class='quota' id='quota-" << index << "' width='" << kQuotaWidth << "' height='" << height
     << "' viewBox='0 0 " << kQuotaWidth << " " << height << "' shape-rendering='crispEdges'>\n";
  long y = 0;
  for (const QuotaRow& row : rows) {
    const uint64_t value = row.own + row.extra;
    const QuotaState state = stateOf(value, row.quota, budgetShare);
    const double budget = budgetShare * static_cast<double>(row.quota);
    // The axis ends at the quota, or a little past the value when it is over.
    const double axis = std::max(static_cast<double>(row.quota), static_cast<double>(value) * 1.04);
    auto at = [&](double bytes) {
      return std::lround(static_cast<double>(kQuotaTrackX) + static_cast<double>(kQuotaTrackWidth) * bytes / axis);
    };
    const long textY = y + 14, barY = y + 22, barH = 18;
    os << "<g class='quota-row' data-state='" << stateName(state) << "'>";
    os << "<text x='" << kQuotaTrackX - 10 << "' y='" << barY + 13 << "' text-anchor='end' class='q-label'>"
       << esc(row.label) << "</text>";
    std::string text = formatBytes(row.own);
    if (row.extra > 0) text += " + " + formatBytes(row.extra) + " " + row.extraLabel + " = " + formatBytes(value);
    text += " of " + formatBytes(row.quota) + " (" +
            percent(static_cast<double>(value) / static_cast<double>(std::max<uint64_t>(row.quota, 1))) + ")";
    text += state == QuotaState::Over   ? ": over the quota"
            : state == QuotaState::Warn ? ": over the " + percent(budgetShare) + " budget"
                                        : ": within the " + percent(budgetShare) + " budget";
    os << "<text x='" << kQuotaTrackX << "' y='" << textY << "' class='q-value q-" << stateName(state) << "'>"
       << esc(text) << "</text>";
    os << "<rect x='" << kQuotaTrackX << "' y='" << barY << "' width='" << kQuotaTrackWidth << "' height='"
       << barH << "' fill='" << kTrackColour << "'/>";
    const long x0 = kQuotaTrackX, x1 = at(static_cast<double>(row.own)), x2 = at(static_cast<double>(value));
    if (x1 > x0)
      os << "<rect class='q-own' x='" << x0 << "' y='" << barY << "' width='" << x1 - x0 << "' height='"
         << barH << "' fill='" << stateColour(state) << "'><title>"
         << esc(row.label + ": " + formatBytes(row.own)) << "</title></rect>";
    if (x2 > x1)
      os << "<rect class='q-extra' x='" << x1 << "' y='" << barY << "' width='" << x2 - x1 << "' height='"
         << barH << "' fill='" << stateColour(state, true) << "'><title>"
         << esc(row.extraLabel + ": " + formatBytes(row.extra)) << "</title></rect>";
    // The budget (dashed) and the quota (solid), a little taller than the bar.
    const long bx = at(budget), qx = at(static_cast<double>(row.quota));
    os << "<line class='q-budget' x1='" << bx << "' y1='" << barY - 3 << "' x2='" << bx << "' y2='"
       << barY + barH + 3 << "' stroke='" << kBudgetLineColour
       << "' stroke-width='2' stroke-dasharray='4 2'><title>"
       << esc("budget: " + percent(budgetShare) + " of " + formatBytes(row.quota) + " = " +
              formatBytes(static_cast<uint64_t>(budget)))
       << "</title></line>";
    os << "<rect class='q-quota' x='" << qx - 1 << "' y='" << barY - 4 << "' width='3' height='" << barH + 8
       << "' fill='" << kQuotaLineColour << "'><title>"
       << esc("quota: " + formatBytes(row.quota) + " (" + grouped(row.quota) + " bytes)") << "</title></rect>";
    os << "</g>\n";
    y += kQuotaRow;
  }
  os << "</svg>\n";
}

namespace {

// ---------------------------------------------------------------------------------------------
// Bar chart of the largest contributors

constexpr size_t kTopContributors = 15;
constexpr long kBarsWidth = 1200;
constexpr long kBarsX = 250;
constexpr long kBarsLength = 600;
constexpr long kBarsRow = 24;
constexpr long kBarsTop = 22;

enum class BarKind { Own, Dependency, RuntimeSdk, DevArtifact };

struct Bar {
  const Contributor* contributor = nullptr;
  BarKind kind = BarKind::Dependency;
  ArtifactKind devKind = ArtifactKind::DevTool;
};

/// Whether `example` (a path the analysis gives for some dev artifacts) is the contributor
/// `name` as a whole: the same top-level name, or the name inside a dependency folder
/// (node_modules/typescript, python/lib/python3.12/site-packages/pytest).
bool isContributorPath(std::string_view example, std::string_view name) {
  while (!example.empty() && example.back() == '/') example.remove_suffix(1);
  if (name.empty() || example == name) return !name.empty();
  if (example.size() <= name.size() + 1 || !example.ends_with(name) ||
      example[example.size() - name.size() - 1] != '/')
    return false;
  std::string_view parent = example.substr(0, example.size() - name.size() - 1);
  parent = parent.substr(parent.rfind('/') + 1);
  return parent == "node_modules" || parent == "site-packages" || parent == "dist-packages" || parent == "python" ||
         parent == "vendor";
}

Bar classify(const Contributor& c, const PackageAnalysis& a) {
  Bar bar{&c, c.ecosystem.empty() ? BarKind::Own : BarKind::Dependency, ArtifactKind::DevTool};
  for (const RuntimeSdk& sdk : a.runtimeSdks)
    if (sdk.name == c.name && (sdk.ecosystem == c.ecosystem || c.ecosystem.empty())) {
      bar.kind = BarKind::RuntimeSdk;
      return bar;
    }
  // A contributor that the analysis lists as a whole among the dev artifacts (a dev tool such as
  // typescript or pytest, a tests/ or docs/ folder of the function's own).
  for (const DevArtifacts& d : a.devArtifacts)
    for (const std::string& example : d.examples)
      if (isContributorPath(example, c.name)) {
        bar.kind = BarKind::DevArtifact;
        bar.devKind = d.kind;
        return bar;
      }
  return bar;
}

const char* barColour(const Bar& b) {
  switch (b.kind) {
  case BarKind::Own: return kOwnBarColour;
  case BarKind::Dependency: return kDependencyBarColour;
  case BarKind::RuntimeSdk: return kRuntimeSdkBarColour;
  case BarKind::DevArtifact: return kKindStyles.at(kindIndex(b.devKind)).colour;
  }
  return kDependencyBarColour;
}

} // namespace

void writeBarChart(std::ostream& os, const Package& pkg, const PackageAnalysis& a, uint64_t unzippedQuota,
                   double budgetShare, size_t index) {
  os << "<h3>Largest contributors</h3>\n";
  if (a.contributors.empty()) {
    os << "<p class='empty'>No contributors.</p>\n";
    return;
  }
  std::vector<Bar> bars;
  for (const Contributor& c : a.contributors) {
    if (bars.size() == kTopContributors) break;
    bars.push_back(classify(c, a));
  }
  // Legend: the kinds of bar shown.
  std::array<bool, 4> seen{};
  std::vector<ArtifactKind> devKinds;
  for (const Bar& b : bars) {
    seen.at(static_cast<size_t>(b.kind)) = true;
    if (b.kind == BarKind::DevArtifact && std::find(devKinds.begin(), devKinds.end(), b.devKind) == devKinds.end())
      devKinds.push_back(b.devKind);
  }
  os << "<p class='legend' id='bars-legend-" << index << "'>";
  auto key = [&](const char* colour, const std::string& text) {
    os << "<span class='key'><span class='swatch' style='background:" << colour << "'></span>" << esc(text)
       << "</span> ";
  };
  if (seen[0]) key(kOwnBarColour, "the function's own files");
  if (seen[1]) key(kDependencyBarColour, "dependency");
  if (seen[2]) key(kRuntimeSdkBarColour, "runtime SDK (the Lambda runtime provides it)");
  for (ArtifactKind k : devKinds)
    key(kKindStyles.at(kindIndex(k)).colour, std::string("not needed at run time: ") + kKindStyles.at(kindIndex(k)).label);
  os << "<span class='key'>shares: of the package, of the unzipped quota</span></p>\n";

  uint64_t largest = 0;
  for (const Bar& b : bars) largest = std::max(largest, b.contributor->bytes);
  const double budget = budgetShare * static_cast<double>(unzippedQuota);
  // The budget and the quota are drawn when they fall near the bars; far past them they would
  // squash every bar into a sliver.
  double axis = static_cast<double>(std::max<uint64_t>(largest, 1));
  const bool drawBudget = budget <= axis * 1.25;
  const bool drawQuota = static_cast<double>(unzippedQuota) <= axis * 1.25;
  if (drawQuota) axis = std::max(axis, static_cast<double>(unzippedQuota));
  else if (drawBudget) axis = std::max(axis, budget);
  const uint64_t total = pkg.unzippedBytes;

  const long height = kBarsTop + kBarsRow * static_cast<long>(bars.size()) + 6;
  os << "<svg class='bars' id='bars-" << index << "' width='" << kBarsWidth << "' height='" << height
     << "' viewBox='0 0 " << kBarsWidth << " " << height << "' shape-rendering='crispEdges'>\n";
  os << "<text x='" << kBarsX << "' y='14' class='b-axis'>0</text>";
  os << "<text x='" << kBarsX + kBarsLength << "' y='14' text-anchor='end' class='b-axis'>"
     << bytesText(static_cast<uint64_t>(axis)) << "</text>\n";
  long y = kBarsTop;
  for (const Bar& b : bars) {
    const Contributor& c = *b.contributor;
    const long barY = y + 3, barH = kBarsRow - 6;
    const long len = std::max<long>(
        1, std::lround(static_cast<double>(kBarsLength) * static_cast<double>(c.bytes) / axis));
    const double share = total == 0 ? 0.0 : static_cast<double>(c.bytes) / static_cast<double>(total);
    const double quotaShare = static_cast<double>(c.bytes) / static_cast<double>(std::max<uint64_t>(unzippedQuota, 1));
    const char* tag = b.kind == BarKind::RuntimeSdk    ? " · runtime SDK"
                      : b.kind == BarKind::DevArtifact ? " · not needed at run time"
                                                       : "";
    const char* kind = b.kind == BarKind::Own          ? "own"
                       : b.kind == BarKind::Dependency ? "dependency"
                       : b.kind == BarKind::RuntimeSdk ? "runtime-sdk"
                                                       : artifactKindName(b.devKind);
    os << "<g class='bar' data-kind='" << kind << "' data-bytes='" << c.bytes << "'>";
    const auto nameChars = static_cast<size_t>(static_cast<double>(kBarsX - 16) / kCharWidth);
    os << "<text x='" << kBarsX - 8 << "' y='" << barY + 13 << "' text-anchor='end' class='b-name'>"
       << escapeSanitized(truncateChars(sanitize(c.name), nameChars)) << "</text>";
    os << "<rect x='" << kBarsX << "' y='" << barY << "' width='" << len << "' height='" << barH << "' fill='"
       << barColour(b) << "'><title>"
       << esc(c.name + (c.ecosystem.empty() ? std::string() : " (" + c.ecosystem + ")") + "\n" + formatBytes(c.bytes) +
              ", " + grouped(c.files) + (c.files == 1 ? " file" : " files") + ", " + formatBytes(c.compressed) +
              " compressed")
       << "</title></rect>";
    os << "<text x='" << kBarsX + len + 8 << "' y='" << barY + 13 << "' class='b-value'>"
       << esc(formatBytes(c.bytes) + " · " + percent(share) + " · " + percent(quotaShare) + tag) << "</text></g>\n";
    y += kBarsRow;
  }
  auto vline = [&](double bytes, const char* cls, const char* colour, const std::string& what) {
    const long x = std::lround(static_cast<double>(kBarsX) + static_cast<double>(kBarsLength) * bytes / axis);
    os << "<rect class='" << cls << "' x='" << x - 1 << "' y='" << kBarsTop - 4 << "' width='2' height='"
       << height - kBarsTop << "' fill='" << colour << "'><title>" << esc(what) << "</title></rect>";
  };
  if (drawBudget)
    vline(budget, "b-budget", kBudgetLineColour,
          "budget: " + percent(budgetShare) + " of the unzipped quota = " + formatBytes(static_cast<uint64_t>(budget)));
  if (drawQuota)
    vline(static_cast<double>(unzippedQuota), "b-quota", kQuotaLineColour, "unzipped quota: " + formatBytes(unzippedQuota));
  os << "</svg>\n";
  if (!drawQuota)
    os << "<p class='note'>The unzipped quota, " << bytesText(unzippedQuota) << ", is "
       << fixed(static_cast<double>(unzippedQuota) / static_cast<double>(std::max<uint64_t>(largest, 1)), 1)
       << " times the largest contributor: not drawn to this scale.</p>\n";
}

} // namespace ll::htmldetail

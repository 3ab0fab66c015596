#pragma once
// What the files of the HTML package report share (a private header of output/): text helpers,
// the colours (fixed: the rendering test looks for them in the screenshot), and the parts of a
// package's section that the page writes: the quota bars, the treemap and the bar chart.
#include "output/HtmlReport.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ll::htmldetail {

// Text (HtmlText.cpp)

/// `s` as well-formed UTF-8 that HTML accepts as text: invalid or overlong sequences,
/// surrogates, control characters (other than tab and newline) and noncharacters become U+FFFD.
std::string sanitize(std::string_view s);
/// Escapes already sanitized text for element content and quoted attribute values.
std::string escapeSanitized(std::string_view s);
std::string esc(std::string_view s);
/// The first `maxChars` code points of sanitized text, with "…" when cut.
std::string truncateChars(const std::string& s, size_t maxChars);
/// Sanitized text of at most `maxChars` code points: a long one keeps its start and its end
/// ("node_modules/…/index.js"), so tooltips stay short whatever the names.
std::string shortenMiddle(const std::string& s, size_t maxChars);
/// Fixed-point decimal, independent of the C locale.
std::string fixed(double v, int decimals);
std::string percent(double share);
/// 12,345
std::string grouped(uint64_t n);
std::string bytesText(uint64_t bytes);

inline constexpr double kCharWidth = 6.6; // estimated width of a character at 11 px

// ---------------------------------------------------------------------------------------------
// Colours. Fixed values: the rendering test looks for them in the screenshot.

inline constexpr size_t kKindCount = 9;
static_assert(static_cast<size_t>(ArtifactKind::BuildLeftover) + 1 == kKindCount);

struct KindStyle {
  const char* colour;
  const char* label;
};

/// Indexed by ArtifactKind.
inline constexpr std::array<KindStyle, kKindCount> kKindStyles = {{
    {"#4e79a7", "code"},
    {"#f28e2b", "tests"},
    {"#76b7b2", "docs"},
    {"#9c755f", "VCS data"},
    {"#bab0ac", "caches"},
    {"#b07aa1", "TypeScript sources"},
    {"#ff9da7", "source maps"},
    {"#e15759", "dev tools"},
    {"#edc948", "build leftovers"},
}};

inline size_t kindIndex(ArtifactKind k) {
  const auto i = static_cast<size_t>(k);
  return i < kKindCount ? i : 0;
}

inline constexpr const char* kOkColour = "#3c9a5f";
inline constexpr const char* kOkLightColour = "#9fd1b0";
inline constexpr const char* kWarnColour = "#e8a33d";
inline constexpr const char* kWarnLightColour = "#f4d29e";
inline constexpr const char* kOverColour = "#d7301f";
inline constexpr const char* kOverLightColour = "#f0a095";
inline constexpr const char* kTrackColour = "#ececec";
inline constexpr const char* kQuotaLineColour = "#6a1b9a";
inline constexpr const char* kBudgetLineColour = "#1f1f1f";
inline constexpr const char* kFolderColour = "#d9d9d9";
inline constexpr const char* kOwnBarColour = "#a0cbe8";
inline constexpr const char* kDependencyBarColour = "#2f5d8a";
inline constexpr const char* kRuntimeSdkBarColour = "#17becf";

enum class QuotaState { Ok, Warn, Over };

inline QuotaState stateOf(uint64_t value, uint64_t quota, double budgetShare) {
  if (value > quota) return QuotaState::Over;
  if (static_cast<double>(value) > budgetShare * static_cast<double>(quota)) return QuotaState::Warn;
  return QuotaState::Ok;
}

inline const char* stateColour(QuotaState s, bool light = false) {
  switch (s) {
  case QuotaState::Ok: return light ? kOkLightColour : kOkColour;
  case QuotaState::Warn: return light ? kWarnLightColour : kWarnColour;
  case QuotaState::Over: return light ? kOverLightColour : kOverColour;
  }
  return kOkColour;
}

inline const char* stateName(QuotaState s) {
  switch (s) {
  case QuotaState::Ok: return "ok";
  case QuotaState::Warn: return "warn";
  case QuotaState::Over: return "over";
  }
  return "ok";
}

// The charts (HtmlCharts.cpp)

struct QuotaRow {
  std::string label;
  uint64_t own = 0;   // this package
  uint64_t extra = 0; // the layers, for a function's unzipped size
  std::string extraLabel;
  uint64_t quota = 0;
};

void writeQuotaBars(std::ostream& os, const std::vector<QuotaRow>& rows, double budgetShare, size_t index);
void writeBarChart(std::ostream& os, const Package& pkg, const PackageAnalysis& a, uint64_t unzippedQuota,
                   double budgetShare, size_t index);

// The treemap (HtmlTreemap.cpp)

void writeTreemap(std::ostream& os, const Package& pkg, const PackageAnalysis* analysis, size_t index);

} // namespace ll::htmldetail

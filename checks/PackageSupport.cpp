#include "checks/PackageSupport.h"

#include <cmath>

namespace ll {

Finding packageFinding(const PackageContext& ctx, const RuleInfo& info, Level level, std::string message) {
  Finding f;
  f.rule = std::string(info.id);
  f.level = level;
  f.file = ctx.artifact;
  f.range = {0, 0};
  f.message = std::move(message);
  f.wholeArtifact = true;
  return f;
}

Fix adviceFix(std::string description) {
  Fix fix;
  fix.description = std::move(description);
  fix.applicability = Applicability::DisplayOnly;
  return fix;
}

std::string share(uint64_t part, uint64_t whole) {
  if (whole == 0) return "0%";
  const double pct = 100.0 * double(part) / double(whole);
  if (pct > 0 && pct < 1) return "<1%";
  return std::to_string(static_cast<long long>(std::lround(pct))) + "%";
}

std::string largestContributors(const PackageAnalysis& a, uint64_t total, size_t n) {
  std::string out;
  size_t shown = 0;
  for (const Contributor& c : a.contributors) {
    if (shown == n) break;
    out += (shown++ ? ", " : "") + c.name + " " + formatBytes(c.bytes) + " (" + share(c.bytes, total) + ")";
  }
  if (a.contributors.size() > n) out += " and " + std::to_string(a.contributors.size() - n) + " more";
  return out;
}

std::string thousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

} // namespace ll

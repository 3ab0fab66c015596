#pragma once
// Pieces the package rules share: findings on a package, figures in messages.
#include "checks/Check.h"

#include <string>

namespace ll {

/// A finding on the package as a whole (no line or column).
Finding packageFinding(const PackageContext& ctx, const RuleInfo& info, Level level, std::string message);
/// Advice that is not an edit: shown with the finding, never applied.
Fix adviceFix(std::string description);
/// "33%" of `part` in `whole` (rounded; "<1%" for small non-zero shares).
std::string share(uint64_t part, uint64_t whole);
/// "numpy 60.1 MiB, pandas 45.0 MiB and 3 more" from the largest `n` contributors.
std::string largestContributors(const PackageAnalysis& a, uint64_t total, size_t n = 3);
/// "1,234".
std::string thousands(uint64_t n);

} // namespace ll

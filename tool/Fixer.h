#pragma once
// Applying fixes: to convergence, verified to parse, written atomically.
#include "tool/Driver.h"

#include <string>

namespace ll {

struct FixResult {
  std::string text;        // the fixed text
  size_t applied = 0;      // fixes applied, over all rounds
  size_t remaining = 0;    // findings of the fixed text (its last analysis)
  std::vector<Notice> notices;
};

/// Applies the applicable fixes of `outcome` (safe; unsafe too if allowUnsafe), re-analyses and
/// repeats until no applicable fix is left (at most kMaxRounds rounds). Each round analyses the
/// fixed text once, which both verifies it and finds what is left: a round whose result has
/// syntax errors is dropped with a notice, and fixing stops there.
/// `facts`: what the rest of the project tells about the file, used by every re-analysis.
FixResult fixToConvergence(const Analyzer& analyzer, const FileOutcome& outcome, bool allowUnsafe,
                           const ProjectFacts* facts = nullptr);
inline constexpr int kMaxFixRounds = 16;

/// Applies non-overlapping edits to `text`; returns the number of fixes applied. Fixes whose
/// edits overlap an earlier fix's are left for the next round.
size_t applyFixes(std::string& text, const std::vector<const Fix*>& fixes);

/// Replaces the file at `path` with `text` atomically (temporary file in the same directory,
/// same permissions, fsync, rename). Returns an error message, or empty on success.
std::string writeFileAtomically(const std::string& path, const std::string& text);

/// A unified diff of two texts, as `diff -u` prints it, with the given path on both sides.
std::string unifiedDiff(const std::string& path, const std::string& before, const std::string& after);

} // namespace ll

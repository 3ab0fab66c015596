#pragma once
// --baseline FILE.sarif: report only the findings a previous run did not have. The previous
// run is a SARIF log lambda-lint wrote; a finding is in it when a result has the same rule and
// the same partialFingerprints["lambdaLint/v1"] (see Fingerprint.h), counted as a multiset: a
// baseline with two equal fingerprints hides two of today's findings with that fingerprint, and
// a third is reported.
#include "output/Output.h"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace ll {

struct Baseline {
  std::string path;
  /// (rule id, fingerprint) -> how many of the baseline's results carry it.
  std::map<std::pair<std::string, std::string>, size_t> entries;
  size_t results = 0;     // results in the baseline's lambda-lint runs
  size_t unmatchable = 0; // of them, results without a rule id or a lambdaLint/v1 fingerprint
};

/// Reads a SARIF log that lambda-lint wrote. On failure, nothing, and `error` says why (a
/// missing file, not JSON, not SARIF 2.1.0, no lambda-lint run, no fingerprints).
std::optional<Baseline> readBaseline(const std::string& path, std::string& error);

/// Leaves out of `run.findings` those the baseline holds, and records what it did in
/// `run.baseline` (and a notice for baseline results that can match nothing). Fingerprints are
/// computed with paths relative to `root`, the project root, as the SARIF writer does.
void applyBaseline(RunResult& run, const Baseline& baseline, const std::filesystem::path& root);

} // namespace ll

#pragma once
// What GitHub code scanning accepts and shows of a SARIF upload, in one place. From "SARIF
// support for code scanning" (docs.github.com, "Validating your SARIF file" and "SARIF results
// exceed limit"): past the maximum an upload is rejected; past the display limit GitHub keeps
// only part of the data. lambda-lint writes what GitHub would show, and says what it left out.
//
//   SARIF data                         maximum   shown
//   runs per file                      20        all           (lambda-lint writes one run)
//   results per run                    25,000    5,000, the most severe
//   rules per run                      25,000    all           (lambda-lint has a dozen)
//   tool extensions per run            100       all           (lambda-lint writes none)
//   locations per result               1,000     100           (lambda-lint writes one, and
//                                                               related locations)
//   thread flow locations per result   10,000    1,000         (lambda-lint writes no codeFlows)
//   tags per rule                      20        10
//   file size                          10 MB gzip-compressed   (5,000 results stay far below)
#include <cstddef>

namespace ll {

struct SarifLimits {
  /// Results per run: GitHub stores the 5,000 most severe and rejects more than 25,000.
  size_t resultsPerRun = 5000;
  /// relatedLocations per result: GitHub shows 100 locations of a result.
  size_t relatedLocationsPerResult = 100;
  /// tags per rule: GitHub shows 10 and rejects more than 20.
  size_t tagsPerRule = 10;
};

} // namespace ll

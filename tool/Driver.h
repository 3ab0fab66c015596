#pragma once
// The run over all files in parallel, as the command line asks (pipeline/ analyses each file).
#include "pipeline/Analyzer.h"
#include "tool/Options.h"

#include <optional>
#include <ostream>

namespace ll {

/// Runs lambda-lint as the command line asks; returns the exit status.
int runLambdaLint(const Options& options, std::ostream& out, std::ostream& err);

} // namespace ll

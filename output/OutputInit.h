#pragma once
// The Init estimates of a run as JSON, shared by the JSON output ("init_estimate") and SARIF
// (run.properties.initEstimates), so both carry the same figures.
#include "output/Output.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace ll {

/// `location(file)` gives what identifies the file in the format (a path, a SARIF
/// artifactLocation). `snake` picks JSON's snake_case keys over SARIF's camelCase.
nlohmann::ordered_json initEstimatesJson(
    const RunResult& run, const std::function<nlohmann::ordered_json(const SourceFile&)>& location,
    bool snake);

} // namespace ll

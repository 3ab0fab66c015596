#pragma once
// The deployment packages of a run as JSON, shared by the JSON output ("packages") and SARIF
// (run.properties.packages), so both carry the same figures.
#include "output/Output.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace ll {

/// `location(path)` gives what identifies the package in the format (a path, a SARIF
/// artifactLocation). `snake` picks JSON's snake_case keys over SARIF's camelCase.
nlohmann::ordered_json packagesJson(
    const RunResult& run, const std::function<nlohmann::ordered_json(const std::string&)>& location,
    bool snake);

} // namespace ll

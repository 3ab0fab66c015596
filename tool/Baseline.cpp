#include "tool/Baseline.h"

#include "output/Fingerprint.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ll {

namespace {

using json = nlohmann::json;

/// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string plainMessage(const std::exception& e) {
  std::string m = e.what();
  if (m.rfind("[json.exception.", 0) == 0) {
    if (auto close = m.find("] "); close != std::string::npos) m.erase(0, close + 2);
  }
  return m;
}

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string stringMember(const json& object, const char* key) {
  const json* v = member(object, key);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

/// A result's rule id: ruleId, else rule.id, else the id of the descriptor ruleIndex names.
std::string ruleIdOf(const json& result, const json& driverRules) {
  std::string id = stringMember(result, "ruleId");
  if (id.empty()) {
    if (const json* rule = member(result, "rule")) id = stringMember(*rule, "id");
  }
  if (id.empty()) {
    const json* index = member(result, "ruleIndex");
    if (index && index->is_number_unsigned() && driverRules.is_array() &&
        index->get<size_t>() < driverRules.size())
      id = stringMember(driverRules[index->get<size_t>()], "id");
  }
  return id;
}

} // namespace

std::optional<Baseline> readBaseline(const std::string& path, std::string& error) {
  const std::string what = "baseline " + path;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "cannot read " + what + ": it is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + what + ": " + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    error = "cannot read " + what + ": I/O error";
    return std::nullopt;
  }
  json log;
  try {
    log = json::parse(std::move(text).str());
  } catch (const json::parse_error& e) {
    error = what + " is not JSON: " + plainMessage(e);
    return std::nullopt;
  }
  const json* runs = member(log, "runs");
  if (!runs || !runs->is_array()) {
    error = what + " is not a SARIF log (it has no \"runs\" array); make one with --format sarif";
    return std::nullopt;
  }
  if (std::string version = stringMember(log, "version"); version != "2.1.0") {
    error = what + " is not SARIF 2.1.0 (version " + (version.empty() ? "missing" : "\"" + version + "\"") + ")";
    return std::nullopt;
  }
  Baseline b;
  b.path = path;
  bool ours = false;
  std::string others;
  for (const json& run : *runs) {
    const json* tool = member(run, "tool");
    const json* driver = tool ? member(*tool, "driver") : nullptr;
    std::string name = driver ? stringMember(*driver, "name") : std::string();
    if (name != "lambda-lint") {
      if (!name.empty() && others.find(name) == std::string::npos) others += (others.empty() ? "" : ", ") + name;
      continue;
    }
    ours = true;
    const json* rules = member(*driver, "rules");
    const json* results = member(run, "results");
    if (!results || !results->is_array()) continue;
    for (const json& result : *results) {
      ++b.results;
      std::string rule = ruleIdOf(result, rules ? *rules : json());
      std::string fp;
      if (const json* fps = member(result, "partialFingerprints"))
        fp = stringMember(*fps, std::string(kFingerprintKey).c_str());
      if (rule.empty() || fp.empty()) {
        ++b.unmatchable;
        continue;
      }
      ++b.entries[{std::move(rule), std::move(fp)}];
    }
  }
  if (!ours) {
    error = what + " has no lambda-lint run" + (others.empty() ? std::string() : " (its runs are from " + others + ")");
    return std::nullopt;
  }
  if (b.results > 0 && b.unmatchable == b.results) {
    error = what + ": none of its results has a rule id and a \"" + std::string(kFingerprintKey) +
            "\" fingerprint to match findings by";
    return std::nullopt;
  }
  return b;
}

void applyBaseline(RunResult& run, const Baseline& baseline, const std::filesystem::path& root) {
  auto left = baseline.entries;
  RunResult::BaselineUse use;
  use.path = baseline.path;
  std::vector<Finding> kept;
  kept.reserve(run.findings.size());
  for (Finding& f : run.findings) {
    auto it = left.find({f.rule, fingerprint(f, root)});
    if (it != left.end() && it->second > 0) {
      --it->second;
      ++use.hidden;
      continue;
    }
    kept.push_back(std::move(f));
  }
  run.findings = std::move(kept);
  for (const auto& entry : left) use.absent += entry.second;
  if (baseline.unmatchable > 0)
    run.notices.push_back({Level::Warning, baseline.path, std::nullopt,
                           std::to_string(baseline.unmatchable) + " of the baseline's " +
                               std::to_string(baseline.results) +
                               " results have no rule id or \"" + std::string(kFingerprintKey) +
                               "\" fingerprint and hide nothing"});
  run.baseline = std::move(use);
}

} // namespace ll

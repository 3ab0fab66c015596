#include "output/OutputPackages.h"

#include <cmath>

namespace ll {

nlohmann::ordered_json packagesJson(
    const RunResult& run, const std::function<nlohmann::ordered_json(const std::string&)>& location,
    bool snake) {
  using ordered_json = nlohmann::ordered_json;
  auto key = [&](const char* snakeKey, const char* camelKey) { return snake ? snakeKey : camelKey; };
  auto share = [](uint64_t part, uint64_t whole) {
    return whole ? std::round(1000.0 * double(part) / double(whole)) / 1000.0 : 0.0;
  };
  ordered_json out = ordered_json::array();
  for (const RunResult::PackageResult& pr : run.packages) {
    const Package& p = pr.package;
    ordered_json j = ordered_json::object();
    j[key("path", "location")] = location(p.path);
    j["source"] = p.source == Package::Source::Zip ? "zip" : "folder";
    j["layer"] = p.layer;
    j["ecosystem"] = p.ecosystem.empty() ? ordered_json(nullptr) : ordered_json(p.ecosystem);
    j[key("zipped_bytes", "zippedBytes")] =
        p.source == Package::Source::Zip ? ordered_json(p.archiveBytes) : ordered_json(nullptr);
    j[key("unzipped_bytes", "unzippedBytes")] = p.unzippedBytes;
    j[key("unzipped_with_layers_bytes", "unzippedWithLayersBytes")] =
        p.layer ? p.unzippedBytes : p.unzippedBytes + run.layersUnzippedBytes;
    j["ratio"] = p.source == Package::Source::Zip && p.archiveBytes
                     ? ordered_json(std::round(100.0 * double(p.unzippedBytes) / double(p.archiveBytes)) / 100.0)
                     : ordered_json(nullptr);
    j["files"] = p.files;
    j["complete"] = p.complete;
    ordered_json quotas = ordered_json::object();
    quotas[key("zipped_bytes", "zippedBytes")] = kZippedQuotaBytes;
    quotas[key("unzipped_bytes", "unzippedBytes")] = kUnzippedQuotaBytes;
    quotas[key("budget_share", "budgetShare")] = pr.budgetShare;
    j["quotas"] = std::move(quotas);
    ordered_json contributors = ordered_json::array();
    for (const Contributor& c : pr.analysis.contributors) {
      ordered_json jc = ordered_json::object();
      jc["name"] = c.name;
      jc["ecosystem"] = c.ecosystem.empty() ? ordered_json(nullptr) : ordered_json(c.ecosystem);
      jc["bytes"] = c.bytes;
      jc[key("compressed_bytes", "compressedBytes")] = c.compressed;
      jc["files"] = c.files;
      jc["share"] = share(c.bytes, p.unzippedBytes);
      contributors.push_back(std::move(jc));
    }
    j["contributors"] = std::move(contributors);
    ordered_json sdks = ordered_json::array();
    for (const RuntimeSdk& s : pr.analysis.runtimeSdks)
      sdks.push_back({{"name", s.name}, {"ecosystem", s.ecosystem}, {"v2", s.v2}, {"bytes", s.bytes}, {"files", s.files}});
    j[key("runtime_sdks", "runtimeSdks")] = std::move(sdks);
    ordered_json dev = ordered_json::array();
    for (const DevArtifacts& d : pr.analysis.devArtifacts)
      dev.push_back({{"kind", artifactKindName(d.kind)}, {"bytes", d.bytes}, {"files", d.files}, {"examples", d.examples}});
    j[key("dev_artifacts", "devArtifacts")] = std::move(dev);
    out.push_back(std::move(j));
  }
  return out;
}

} // namespace ll

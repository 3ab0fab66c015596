// Machine-readable output: one JSON document per run (schema version 1).
#include "core/RuleDocs.h"
#include "core/Rules.h"
#include "output/Output.h"
#include "output/OutputInit.h"
#include "output/OutputPackages.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <stdexcept>

namespace ll {

namespace {

using ordered_json = nlohmann::ordered_json;

/// Adds line/column/end_line/end_column (1-based, end exclusive) of `r` in `file`.
void addRange(ordered_json& j, const SourceFile* file, ByteRange r) {
  Position b = file ? file->position(r.begin) : Position{};
  Position e = file ? file->position(r.end) : Position{};
  j["line"] = b.line;
  j["column"] = b.column;
  j["end_line"] = e.line;
  j["end_column"] = e.column;
}

void dump(std::ostream& os, const ordered_json& j) {
  // Paths and source text are not always valid UTF-8: replace bad bytes rather than throw.
  os << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

} // namespace

void writeJson(std::ostream& os, const RunResult& run, const OutputOptions& /*opts*/) {
  ordered_json root = ordered_json::object();
  root["version"] = 1;
  ordered_json findings = ordered_json::array();
  for (const Finding& f : run.findings) {
    const SourceFile* file = f.file.get();
    const std::string path = file ? file->path() : std::string();
    ordered_json jf = ordered_json::object();
    jf["rule"] = f.rule;
    jf["level"] = levelName(f.level);
    jf["path"] = path;
    if (f.wholeArtifact) { // a package or folder: no position in it
      for (const char* k : {"line", "column", "end_line", "end_column"}) jf[k] = nullptr;
    } else {
      addRange(jf, file, f.range);
    }
    jf["message"] = f.message;
    ordered_json related = ordered_json::array();
    for (const RelatedLocation& r : f.related) {
      ordered_json jr = ordered_json::object();
      jr["path"] = r.file ? r.file->path() : path;
      addRange(jr, r.file ? r.file.get() : file, r.range);
      jr["message"] = r.message;
      related.push_back(std::move(jr));
    }
    jf["related"] = std::move(related);
    ordered_json fixes = ordered_json::array();
    for (const Fix& fix : f.fixes) {
      ordered_json jx = ordered_json::object();
      jx["description"] = fix.description;
      jx["applicability"] = applicabilityName(fix.applicability);
      ordered_json edits = ordered_json::array();
      for (const Edit& e : fix.edits) {
        ordered_json je = ordered_json::object();
        je["path"] = path;
        addRange(je, file, e.range);
        je["text"] = e.text;
        edits.push_back(std::move(je));
      }
      jx["edits"] = std::move(edits);
      fixes.push_back(std::move(jx));
    }
    jf["fixes"] = std::move(fixes);
    if (!f.metrics.empty()) {
      ordered_json metrics = ordered_json::object();
      for (const auto& [k, v] : f.metrics) metrics[k] = v;
      jf["metrics"] = std::move(metrics);
    }
    findings.push_back(std::move(jf));
  }
  root["findings"] = std::move(findings);

  ordered_json notices = ordered_json::array();
  for (const Notice& n : run.notices) {
    ordered_json jn = ordered_json::object();
    jn["level"] = levelName(n.level);
    jn["path"] = n.path.empty() ? ordered_json(nullptr) : ordered_json(n.path);
    jn["line"] = n.position ? ordered_json(n.position->line) : ordered_json(nullptr);
    jn["column"] = n.position ? ordered_json(n.position->column) : ordered_json(nullptr);
    jn["message"] = n.message;
    notices.push_back(std::move(jn));
  }
  root["notices"] = std::move(notices);
  root["init_estimate"] = initEstimatesJson(
      run, [](const SourceFile& file) { return ordered_json(file.path()); }, /*snake=*/true);
  root["packages"] = packagesJson(
      run, [](const std::string& path) { return ordered_json(path); }, /*snake=*/true);

  ordered_json summary = ordered_json::object();
  summary["files"] = run.filesAnalyzed;
  summary["findings"] = run.findings.size();
  summary["fixes_applied"] = run.fixesApplied;
  summary["remaining"] = run.fixing ? run.remaining : run.findings.size();
  if (run.baseline) {
    ordered_json b = ordered_json::object();
    b["path"] = run.baseline->path;
    b["hidden"] = run.baseline->hidden;
    b["absent"] = run.baseline->absent;
    summary["baseline"] = std::move(b);
  } else {
    summary["baseline"] = nullptr;
  }
  root["summary"] = std::move(summary);
  dump(os, root);
}

void writeRuleListJson(std::ostream& os, const std::vector<const Check*>& rules) {
  ordered_json root = ordered_json::object();
  root["version"] = 1;
  ordered_json list = ordered_json::array();
  for (const Check* c : rules) {
    const RuleInfo& info = c->info();
    ordered_json j = ordered_json::object();
    j["id"] = info.id;
    j["name"] = info.name;
    j["level"] = levelName(info.defaultLevel);
    ordered_json tags = ordered_json::array();
    for (std::string_view t : info.tags) tags.push_back(t);
    j["tags"] = std::move(tags);
    ordered_json languages = ordered_json::array();
    for (std::string_view l : info.languages) languages.push_back(l);
    j["languages"] = std::move(languages);
    j["fix"] = info.fixAvailability.empty() ? std::string_view("none") : info.fixAvailability;
    try {
      j["summary"] = ruleDoc(info.id).summary;
    } catch (const std::out_of_range&) {
      j["summary"] = nullptr;
    }
    list.push_back(std::move(j));
  }
  root["rules"] = std::move(list);
  dump(os, root);
}

} // namespace ll

// SARIF 2.1.0 output, shaped for GitHub code scanning: rule metadata from the embedded rule pages,
// URIs relative to %SRCROOT%, partial fingerprints that survive unrelated edits, and fixes.
#include "core/RuleDocs.h"
#include "core/Rules.h"
#include "output/Fingerprint.h"
#include "output/Output.h"
#include "output/OutputInit.h"
#include "output/OutputPackages.h"
#include "output/Repository.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#ifndef LAMBDA_LINT_VERSION
#define LAMBDA_LINT_VERSION "0.0.0"
#endif

namespace ll {

namespace {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

constexpr std::string_view kInformationUri = "https://github.com/lambda-lint/lambda-lint";
constexpr const char* kSrcRoot = "%SRCROOT%";

/// Percent-encodes everything but RFC 3986 unreserved characters and '/' (so the result is a
/// valid URI path whatever bytes the file name holds, and ':' never looks like a scheme).
std::string percentEncodePath(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

std::string fileUri(const fs::path& abs) {
  std::string s = abs.generic_string();
  if (s.empty() || s.front() != '/') s.insert(s.begin(), '/');
  return "file://" + percentEncodePath(s);
}

struct UriMapper {
  fs::path root;

  /// artifactLocation of `path`: relative to %SRCROOT% when inside it, an absolute file URI
  /// otherwise.
  ordered_json artifactLocation(const std::string& path) const {
    ordered_json loc = ordered_json::object();
    fs::path abs = absoluteNormal(path);
    if (auto rel = relativeInside(abs, root)) {
      loc["uri"] = percentEncodePath(rel->generic_string());
      loc["uriBaseId"] = kSrcRoot;
    } else {
      loc["uri"] = fileUri(abs);
    }
    return loc;
  }

  std::string rootUri() const {
    std::string uri = fileUri(root);
    if (uri.back() != '/') uri += '/';
    return uri;
  }
};

ordered_json region(const SourceFile& file, ByteRange r, bool withSnippet) {
  Position b = file.position(r.begin);
  Position e = file.position(std::max(r.begin, r.end));
  ordered_json j = ordered_json::object();
  j["startLine"] = b.line;
  j["startColumn"] = b.column;
  j["endLine"] = e.line;
  j["endColumn"] = e.column;
  if (withSnippet && !r.empty()) j["snippet"] = {{"text", std::string(file.slice(r))}};
  return j;
}

ordered_json message(std::string_view text) {
  ordered_json m = ordered_json::object();
  m["text"] = std::string(text);
  return m;
}

/// SARIF messages are complete sentences (validator rule SARIF2001): end them with a period.
std::string sentence(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?') text += '.';
  return text;
}

const char* problemSeverity(Level l) {
  switch (l) {
  case Level::Error: return "error";
  case Level::Warning: return "warning";
  case Level::Note: return "recommendation";
  }
  return "warning";
}

/// `tagsCut` is set when the rule had more tags than `maxTags` (the first ones are kept).
ordered_json ruleDescriptor(const RuleInfo& info, size_t maxTags, bool& tagsCut) {
  std::string summary, what, plain, markdown;
  try {
    const RuleDoc& doc = ruleDoc(info.id);
    summary = doc.summary;
    what = doc.whatItDoes;
    plain = doc.plainText;
    markdown = doc.markdown;
  } catch (const std::out_of_range&) {
  }
  std::string name = info.name.empty() ? std::string(info.id) : std::string(info.name);
  if (summary.empty()) summary = sentence(name);
  if (what.empty()) what = summary;
  if (plain.empty()) plain = what;

  ordered_json r = ordered_json::object();
  r["id"] = info.id;
  r["name"] = name;
  r["shortDescription"] = message(summary);
  r["fullDescription"] = message(what);
  ordered_json help = ordered_json::object();
  help["text"] = plain;
  if (!markdown.empty()) help["markdown"] = markdown;
  r["help"] = std::move(help);
  r["helpUri"] = std::string(kInformationUri) + "/blob/main/docs/rules/" + std::string(info.id) + ".md";
  r["defaultConfiguration"] = {{"level", levelName(info.defaultLevel)}};
  ordered_json tags = ordered_json::array();
  bool hasPerformance = false;
  for (std::string_view t : info.tags) {
    tags.push_back(t);
    hasPerformance |= t == "performance";
  }
  if (!hasPerformance) tags.push_back("performance");
  if (tags.size() > maxTags) {
    tags.erase(tags.begin() + static_cast<std::ptrdiff_t>(maxTags), tags.end());
    tagsCut = true;
  }
  ordered_json props = ordered_json::object();
  props["tags"] = std::move(tags);
  props["precision"] = "high";
  props["problem.severity"] = problemSeverity(info.defaultLevel);
  r["properties"] = std::move(props);
  return r;
}

/// The lines of `r` with one line above and below: what a viewer shows around a result.
std::optional<ByteRange> contextOf(const SourceFile& file, ByteRange r) {
  uint32_t first = file.position(r.begin).line;
  uint32_t last = file.position(std::max(r.begin, r.end)).line;
  first = first > 1 ? first - 1 : 1;
  last = std::min(last + 1, file.lineCount());
  ByteRange ctx{file.lineStart(first), file.lineStart(last) + static_cast<uint32_t>(file.lineText(last).size())};
  if (ctx.end < r.end) ctx.end = file.lineEndWithNewline(last);
  if (ctx.begin > r.begin || ctx.end < r.end || ctx == r) return std::nullopt;
  return ctx;
}

ordered_json physicalLocation(const UriMapper& uris, const SourceFile& file, ByteRange r, bool snippet) {
  ordered_json pl = ordered_json::object();
  pl["artifactLocation"] = uris.artifactLocation(file.path());
  pl["region"] = region(file, r, snippet);
  if (snippet) {
    if (auto ctx = contextOf(file, r)) pl["contextRegion"] = region(file, *ctx, true);
  }
  return pl;
}

ordered_json sarifFix(const UriMapper& uris, const SourceFile& file, const Fix& fix) {
  ordered_json j = ordered_json::object();
  std::string description = fix.description;
  if (fix.applicability == Applicability::Unsafe) description = "(unsafe) " + description;
  j["description"] = message(sentence(description));
  std::vector<const Edit*> edits;
  edits.reserve(fix.edits.size());
  for (const Edit& e : fix.edits) edits.push_back(&e);
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit* a, const Edit* b) { return a->range.begin < b->range.begin; });
  ordered_json replacements = ordered_json::array();
  for (const Edit* e : edits) {
    ordered_json rep = ordered_json::object();
    // An empty deletedRegion (endColumn == startColumn on the same line) is an insertion point.
    rep["deletedRegion"] = region(file, e->range, false);
    if (!e->text.empty()) rep["insertedContent"] = message(e->text);
    replacements.push_back(std::move(rep));
  }
  ordered_json change = ordered_json::object();
  change["artifactLocation"] = uris.artifactLocation(file.path());
  change["replacements"] = std::move(replacements);
  j["artifactChanges"] = ordered_json::array({std::move(change)});
  return j;
}

} // namespace

namespace {

int severity(Level l) {
  switch (l) {
  case Level::Error: return 2;
  case Level::Warning: return 1;
  case Level::Note: break;
  }
  return 0;
}

/// "3 notes", "1 warning and 2 notes": the levels of `findings`.
std::string levelCounts(const std::vector<const Finding*>& findings) {
  std::array<size_t, 3> counts{};
  for (const Finding* f : findings) ++counts.at(static_cast<size_t>(severity(f->level)));
  std::vector<std::string> parts;
  static constexpr std::array<const char*, 3> names{"note", "warning", "error"};
  for (size_t s = counts.size(); s-- > 0;) {
    if (counts.at(s) == 0) continue;
    parts.push_back(std::to_string(counts.at(s)) + " " + names.at(s) + (counts.at(s) == 1 ? "" : "s"));
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

/// The region of a whole artifact: all its bytes (the form SARIF's validator asks of binary
/// artifacts, and one upload-sarif does not try to hash as lines), as the package reader
/// measured them; an empty one for a folder.
ordered_json wholeArtifactRegion(const RunResult& run, const std::string& path) {
  uint64_t size = 0;
  for (const RunResult::PackageResult& p : run.packages)
    if (p.package.path == path) size = p.package.archiveBytes;
  return {{"byteOffset", 0}, {"byteLength", size}};
}

ordered_json notification(Level level, const std::string& text) {
  ordered_json n = ordered_json::object();
  n["level"] = levelName(level);
  n["message"] = message(sentence(text));
  return n;
}

} // namespace

void writeSarif(std::ostream& os, const RunResult& run, const OutputOptions& opts) {
  UriMapper uris;
  {
    std::error_code ec;
    fs::path root = opts.srcRoot.empty() ? fs::current_path(ec) : fs::path(opts.srcRoot);
    uris.root = absoluteNormal(root);
  }
  const SarifLimits& limits = opts.sarifLimits;
  // What GitHub would not show is left out here, deterministically, and said in the log's
  // notifications and on the warnings stream.
  std::vector<std::string> leftOut;

  // Rules: those enabled for the run, then any a finding names that is not among them.
  std::vector<const RuleInfo*> rules;
  std::map<std::string, size_t, std::less<>> ruleIndex;
  auto addRule = [&](const RuleInfo& info) {
    if (ruleIndex.contains(info.id)) return;
    ruleIndex.emplace(std::string(info.id), rules.size());
    rules.push_back(&info);
  };
  for (const Check* c : opts.rules)
    if (c) addRule(c->info());
  for (const Finding& f : run.findings) {
    if (ruleIndex.contains(f.rule)) continue;
    if (const Check* c = findCheck(f.rule)) addRule(c->info());
  }

  ordered_json driver = ordered_json::object();
  driver["name"] = "lambda-lint";
  driver["semanticVersion"] = LAMBDA_LINT_VERSION;
  driver["version"] = LAMBDA_LINT_VERSION;
  driver["informationUri"] = kInformationUri;
  ordered_json jrules = ordered_json::array();
  std::vector<std::string> tagsCut;
  for (const RuleInfo* info : rules) {
    bool cut = false;
    jrules.push_back(ruleDescriptor(*info, limits.tagsPerRule, cut));
    if (cut) tagsCut.emplace_back(info->id);
  }
  driver["rules"] = std::move(jrules);
  if (!tagsCut.empty()) {
    std::string names;
    for (const std::string& id : tagsCut) names += (names.empty() ? "" : ", ") + id;
    leftOut.push_back("the tags of " + names + " were cut to " + std::to_string(limits.tagsPerRule) +
                      " (GitHub code scanning shows " + std::to_string(limits.tagsPerRule) + " tags of a rule)");
  }

  // Results: GitHub shows the most severe ones of a run; keep those (errors, then warnings, then
  // notes, each in path order) and write them in path order.
  std::vector<const Finding*> kept;
  kept.reserve(run.findings.size());
  for (const Finding& f : run.findings) kept.push_back(&f);
  std::vector<const Finding*> dropped;
  if (kept.size() > limits.resultsPerRun) {
    std::vector<const Finding*> bySeverity = kept;
    std::stable_sort(bySeverity.begin(), bySeverity.end(),
                     [](const Finding* a, const Finding* b) { return severity(a->level) > severity(b->level); });
    std::set<const Finding*> keep(bySeverity.begin(), bySeverity.begin() + static_cast<std::ptrdiff_t>(limits.resultsPerRun));
    dropped.assign(bySeverity.begin() + static_cast<std::ptrdiff_t>(limits.resultsPerRun), bySeverity.end());
    std::erase_if(kept, [&](const Finding* f) { return !keep.contains(f); });
    leftOut.push_back("left out " + std::to_string(dropped.size()) + " of " + std::to_string(run.findings.size()) +
                      " results (" + levelCounts(dropped) + "): GitHub code scanning shows at most " +
                      std::to_string(limits.resultsPerRun) +
                      " results of a run, so this log keeps the most severe; the text and JSON formats report them all");
  }

  // GitHub's own line hashes, computed once per file.
  std::map<const SourceFile*, std::vector<std::string>> lineHashes;
  auto lineHash = [&](const SourceFile& file, uint32_t line) -> std::string {
    auto it = lineHashes.find(&file);
    if (it == lineHashes.end()) it = lineHashes.emplace(&file, githubLineHashes(file.text())).first;
    return line >= 1 && line <= it->second.size() ? it->second[line - 1] : std::string();
  };

  ordered_json results = ordered_json::array();
  std::map<std::string, int> occurrences;
  size_t relatedCut = 0;
  for (const Finding* kf : kept) {
    const Finding& f = *kf;
    ordered_json r = ordered_json::object();
    r["ruleId"] = f.rule;
    if (auto it = ruleIndex.find(f.rule); it != ruleIndex.end()) r["ruleIndex"] = it->second;
    r["level"] = levelName(f.level);
    r["message"] = message(sentence(f.message));
    if (f.file) {
      const SourceFile& file = *f.file;
      ordered_json loc = ordered_json::object();
      if (f.wholeArtifact) // a deployment package or folder: all of it, as bytes
        loc["physicalLocation"] = {{"artifactLocation", uris.artifactLocation(file.path())},
                                   {"region", wholeArtifactRegion(run, file.path())}};
      else
        loc["physicalLocation"] = physicalLocation(uris, file, f.range, true);
      r["locations"] = ordered_json::array({std::move(loc)});
      if (!f.related.empty()) {
        ordered_json related = ordered_json::array();
        int id = 1;
        for (const RelatedLocation& rl : f.related) {
          if (related.size() == limits.relatedLocationsPerResult) {
            ++relatedCut;
            break;
          }
          ordered_json jr = ordered_json::object();
          jr["id"] = id++;
          jr["message"] = message(sentence(rl.message));
          jr["physicalLocation"] = physicalLocation(uris, rl.file ? *rl.file : file, rl.range, false);
          related.push_back(std::move(jr));
        }
        r["relatedLocations"] = std::move(related);
      }
      // The way from the handler through calls (across files, often): a code flow, which code
      // scanning shows step by step. Not for a finding in the handler itself.
      if (f.pathSteps >= 2 && f.pathSteps <= f.related.size() && f.pathSteps < limits.relatedLocationsPerResult) {
        ordered_json steps = ordered_json::array();
        for (size_t i = 0; i < f.pathSteps; ++i) {
          const RelatedLocation& rl = f.related[i];
          steps.push_back({{"location", {{"physicalLocation", physicalLocation(uris, rl.file ? *rl.file : file, rl.range, false)},
                                         {"message", message(sentence(rl.message))}}}});
        }
        steps.push_back({{"location", {{"physicalLocation", physicalLocation(uris, file, f.range, false)},
                                       {"message", message(sentence(f.message))}}}});
        r["codeFlows"] = ordered_json::array({{{"threadFlows", ordered_json::array({{{"locations", std::move(steps)}}})}}});
      }
    }
    // primaryLocationLineHash as upload-sarif computes it from the file (so it neither warns of
    // an inconsistent fingerprint nor differs from what the REST API would get); for results
    // on a whole package, which it does not hash, our fingerprint numbered by occurrence, as
    // GitHub numbers its own. lambdaLint/v1 is what --baseline matches.
    std::string fp = fingerprint(f, uris.root);
    const int occurrence = ++occurrences[fp];
    std::string primary;
    if (f.file && !f.wholeArtifact) primary = lineHash(*f.file, f.file->position(f.range.begin).line);
    if (primary.empty()) primary = fp + ":" + std::to_string(occurrence);
    ordered_json fps = ordered_json::object();
    fps["primaryLocationLineHash"] = primary;
    fps[kFingerprintKey] = fp;
    r["partialFingerprints"] = std::move(fps);
    if (f.file) {
      ordered_json fixes = ordered_json::array();
      for (const Fix& fix : f.fixes) {
        if (fix.applicability == Applicability::DisplayOnly || fix.edits.empty()) continue;
        fixes.push_back(sarifFix(uris, *f.file, fix));
      }
      if (!fixes.empty()) r["fixes"] = std::move(fixes);
    }
    // With --baseline, everything reported is new: what the baseline held was left out.
    if (run.baseline) r["baselineState"] = "new";
    if (!f.metrics.empty()) {
      ordered_json props = ordered_json::object();
      for (const auto& [k, v] : f.metrics) props[k] = std::round(v * 10) / 10;
      r["properties"] = std::move(props);
    }
    results.push_back(std::move(r));
  }
  if (relatedCut > 0)
    leftOut.push_back("the related locations of " + std::to_string(relatedCut) + " result" +
                      (relatedCut == 1 ? " were" : "s were") + " cut to " +
                      std::to_string(limits.relatedLocationsPerResult) + " (GitHub code scanning shows " +
                      std::to_string(limits.relatedLocationsPerResult) + " locations of a result)");

  ordered_json notifications = ordered_json::array();
  for (const Notice& n : run.notices) {
    ordered_json jn = ordered_json::object();
    jn["level"] = levelName(n.level);
    jn["message"] = message(sentence(n.path.empty() ? n.message : n.path + ": " + n.message));
    if (!n.path.empty()) {
      ordered_json pl = ordered_json::object();
      pl["artifactLocation"] = uris.artifactLocation(n.path);
      if (n.position) pl["region"] = {{"startLine", n.position->line}, {"startColumn", n.position->column}};
      ordered_json loc = ordered_json::object();
      loc["physicalLocation"] = std::move(pl);
      jn["locations"] = ordered_json::array({std::move(loc)});
    }
    notifications.push_back(std::move(jn));
  }
  if (run.baseline) {
    const auto& b = *run.baseline;
    notifications.push_back(notification(
        Level::Note, std::to_string(b.hidden) + " finding" + (b.hidden == 1 ? " is" : "s are") +
                         " in the baseline " + b.path + " and left out" +
                         (b.absent ? "; " + std::to_string(b.absent) + " of its results matched no finding" : "")));
  }
  for (const std::string& text : leftOut) {
    notifications.push_back(notification(Level::Warning, "SARIF: " + text));
    if (opts.warnings) *opts.warnings << "lambda-lint: warning: SARIF: " << text << "\n";
  }
  ordered_json invocation = ordered_json::object();
  invocation["executionSuccessful"] = true;
  if (!opts.commandLine.empty()) invocation["commandLine"] = opts.commandLine;
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  ordered_json runJ = ordered_json::object();
  runJ["tool"] = {{"driver", std::move(driver)}};
  runJ["invocations"] = ordered_json::array({std::move(invocation)});
  if (!opts.sarifCategory.empty()) {
    // GitHub reads automationDetails.id as "<category>/<run id>", the category being everything
    // before the last '/': a trailing '/' makes all of it the category, with no run id.
    std::string id = opts.sarifCategory;
    if (id.back() != '/') id += '/';
    runJ["automationDetails"] = {{"id", id}};
  }
  if (opts.versionControl && !opts.versionControl->repositoryUri.empty()) {
    // The repository's root is %SRCROOT% (the project root is the top of the work tree).
    const auto& vc = *opts.versionControl;
    ordered_json details = ordered_json::object();
    details["repositoryUri"] = vc.repositoryUri;
    if (!vc.revisionId.empty()) details["revisionId"] = vc.revisionId;
    if (!vc.branch.empty()) details["branch"] = vc.branch;
    details["mappedTo"] = {{"uriBaseId", kSrcRoot}};
    runJ["versionControlProvenance"] = ordered_json::array({std::move(details)});
  }
  ordered_json base = ordered_json::object();
  base[kSrcRoot] = {{"uri", uris.rootUri()}};
  runJ["originalUriBaseIds"] = std::move(base);
  runJ["results"] = std::move(results);
  runJ["columnKind"] = "unicodeCodePoints";
  if (!run.initEstimates.empty() || !run.packages.empty() || run.baseline) {
    ordered_json props = ordered_json::object();
    if (!run.initEstimates.empty())
      props["initEstimates"] = initEstimatesJson(
          run, [&](const SourceFile& file) { return uris.artifactLocation(file.path()); }, /*snake=*/false);
    if (!run.packages.empty())
      props["packages"] = packagesJson(
          run, [&](const std::string& path) { return uris.artifactLocation(path); }, /*snake=*/false);
    if (run.baseline) {
      ordered_json b = ordered_json::object();
      b["location"] = uris.artifactLocation(run.baseline->path);
      b["hidden"] = run.baseline->hidden;
      b["absent"] = run.baseline->absent;
      props["baseline"] = std::move(b);
    }
    runJ["properties"] = std::move(props);
  }

  ordered_json log = ordered_json::object();
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = ordered_json::array({std::move(runJ)});
  os << log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

} // namespace ll

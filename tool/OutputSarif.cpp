// SARIF 2.1.0 output, shaped for GitHub code scanning: rule metadata from the embedded rule pages,
// URIs relative to %SRCROOT%, partial fingerprints that survive unrelated edits, and fixes.
#include "core/Rules.h"
#include "tool/Output.h"
#include "tool/OutputInit.h"
#include "tool/OutputPackages.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

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

/// `p` made absolute (against the working directory) and lexically normalised, without a
/// trailing separator.
fs::path absoluteNormal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  abs = abs.lexically_normal();
  if (!abs.has_filename() && abs != abs.root_path()) abs = abs.parent_path();
  return abs;
}

/// `path` relative to `root` when it lies inside it, or empty.
std::optional<fs::path> relativeInside(const fs::path& path, const fs::path& root) {
  fs::path rel = path.lexically_relative(root);
  if (rel.empty() || rel == ".") return std::nullopt;
  if (*rel.begin() == "..") return std::nullopt;
  return rel;
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

ordered_json ruleDescriptor(const RuleInfo& info) {
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

uint64_t fnv1a(uint64_t h, std::string_view s) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

} // namespace

std::string fingerprint(const Finding& f) {
  // The path relative to the working directory when below it, so `a.py`, `./a.py` and an
  // absolute spelling of the same file agree.
  std::string path;
  std::string text;
  if (f.file) {
    fs::path abs = absoluteNormal(f.file->path());
    std::error_code ec;
    fs::path cwd = absoluteNormal(fs::current_path(ec));
    auto rel = ec ? std::nullopt : relativeInside(abs, cwd);
    path = rel ? rel->generic_string() : abs.generic_string();
    std::string_view src = f.file->slice(f.range);
    // Whitespace collapsed, so re-indenting or re-wrapping the code keeps the fingerprint.
    bool space = false;
    for (char c : src) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        space = !text.empty();
        continue;
      }
      if (space) text += ' ';
      space = false;
      text += c;
    }
  }
  uint64_t h = 0xcbf29ce484222325ULL;
  h = fnv1a(h, f.rule);
  h = fnv1a(h, std::string_view("\0", 1));
  h = fnv1a(h, path);
  h = fnv1a(h, std::string_view("\0", 1));
  h = fnv1a(h, text);
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = hex[h & 0xF];
  return out;
}

void writeSarif(std::ostream& os, const RunResult& run, const OutputOptions& opts) {
  UriMapper uris;
  {
    std::error_code ec;
    fs::path root = opts.srcRoot.empty() ? fs::current_path(ec) : fs::path(opts.srcRoot);
    uris.root = absoluteNormal(root);
  }

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
  for (const RuleInfo* info : rules) jrules.push_back(ruleDescriptor(*info));
  driver["rules"] = std::move(jrules);

  ordered_json results = ordered_json::array();
  std::map<std::string, int> occurrences;
  for (const Finding& f : run.findings) {
    ordered_json r = ordered_json::object();
    r["ruleId"] = f.rule;
    if (auto it = ruleIndex.find(f.rule); it != ruleIndex.end()) r["ruleIndex"] = it->second;
    r["level"] = levelName(f.level);
    r["message"] = message(sentence(f.message));
    if (f.file) {
      const SourceFile& file = *f.file;
      ordered_json loc = ordered_json::object();
      if (f.wholeArtifact) // a deployment package or folder: the artifact, no region in it
        loc["physicalLocation"] = {{"artifactLocation", uris.artifactLocation(file.path())}};
      else
        loc["physicalLocation"] = physicalLocation(uris, file, f.range, true);
      r["locations"] = ordered_json::array({std::move(loc)});
      if (!f.related.empty()) {
        ordered_json related = ordered_json::array();
        int id = 1;
        for (const RelatedLocation& rl : f.related) {
          ordered_json jr = ordered_json::object();
          jr["id"] = id++;
          jr["message"] = message(sentence(rl.message));
          jr["physicalLocation"] = physicalLocation(uris, file, rl.range, false);
          related.push_back(std::move(jr));
        }
        r["relatedLocations"] = std::move(related);
      }
    }
    // GitHub's own primaryLocationLineHash is "<hash>:<occurrence>"; numbering identical
    // fingerprints in the order they occur keeps two equal findings in one file apart.
    std::string fp = fingerprint(f);
    int occurrence = ++occurrences[fp];
    r["partialFingerprints"] = {{"primaryLocationLineHash", fp + ":" + std::to_string(occurrence)},
                                {"lambdaLint/v1", fp}};
    if (f.file) {
      ordered_json fixes = ordered_json::array();
      for (const Fix& fix : f.fixes) {
        if (fix.applicability == Applicability::DisplayOnly || fix.edits.empty()) continue;
        fixes.push_back(sarifFix(uris, *f.file, fix));
      }
      if (!fixes.empty()) r["fixes"] = std::move(fixes);
    }
    if (!f.metrics.empty()) {
      ordered_json props = ordered_json::object();
      for (const auto& [k, v] : f.metrics) props[k] = std::round(v * 10) / 10;
      r["properties"] = std::move(props);
    }
    results.push_back(std::move(r));
  }

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
  ordered_json invocation = ordered_json::object();
  invocation["executionSuccessful"] = true;
  if (!opts.commandLine.empty()) invocation["commandLine"] = opts.commandLine;
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  ordered_json runJ = ordered_json::object();
  runJ["tool"] = {{"driver", std::move(driver)}};
  runJ["invocations"] = ordered_json::array({std::move(invocation)});
  ordered_json base = ordered_json::object();
  base[kSrcRoot] = {{"uri", uris.rootUri()}};
  runJ["originalUriBaseIds"] = std::move(base);
  runJ["results"] = std::move(results);
  runJ["columnKind"] = "unicodeCodePoints";
  if (!run.initEstimates.empty() || !run.packages.empty()) {
    ordered_json props = ordered_json::object();
    if (!run.initEstimates.empty())
      props["initEstimates"] = initEstimatesJson(
          run, [&](const SourceFile& file) { return uris.artifactLocation(file.path()); }, /*snake=*/false);
    if (!run.packages.empty())
      props["packages"] = packagesJson(
          run, [&](const std::string& path) { return uris.artifactLocation(path); }, /*snake=*/false);
    runJ["properties"] = std::move(props);
  }

  ordered_json log = ordered_json::object();
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = ordered_json::array({std::move(runJ)});
  os << log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

} // namespace ll

// Output formats: clang-style text, JSON (schema version 1) and SARIF 2.1.0 for GitHub code
// scanning, and the finding fingerprint.
#include "core/EmbeddedData.h"
#include "core/RuleDocs.h"
#include "core/Rules.h"
#include "output/Fingerprint.h"
#include "output/Output.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace ll;
using nlohmann::json;
using nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

class FakeCheck : public Check {
public:
  explicit FakeCheck(RuleInfo info) : info_(std::move(info)) {}
  const RuleInfo& info() const override { return info_; }
  void run(const CheckContext&, std::vector<Finding>&) const override {}

private:
  RuleInfo info_;
};

const FakeCheck& fakeCheck() {
  static const FakeCheck check(RuleInfo{"test-rule", "TestRule", Level::Warning, {"cold-start"}, {"python"}, "sometimes"});
  return check;
}

ByteRange rangeOf(const SourceFile& f, std::string_view needle, size_t from = 0) {
  size_t at = f.text().find(needle, from);
  EXPECT_NE(at, std::string::npos) << needle;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

const char* kApp =
    "import boto3\n"
    "\n"
    "def lambda_handler(event, context):\n"
    "    s3 = boto3.client(\"s3\")\n"
    "    return s3.list_buckets()\n";

/// A realistic finding: a client made in the handler, the handler as related location, a safe
/// hoist (delete the line, insert at module scope), an unsafe and a display-only fix.
Finding clientFinding(std::shared_ptr<const SourceFile> file, std::string rule = "test-rule") {
  Finding f;
  f.rule = std::move(rule);
  f.file = file;
  f.range = rangeOf(*file, "boto3.client(\"s3\")");
  f.message = "AWS SDK client `boto3.client(\"s3\")` is created on every invocation";
  f.related.push_back({rangeOf(*file, "lambda_handler"), "handler `lambda_handler`"});
  uint32_t line3 = file->lineStart(3), line4 = file->lineStart(4), line5 = file->lineStart(5);
  f.fixes.push_back({"Move the client to module scope", Applicability::Safe,
                     {{{line4, line5}, ""}, {{line3, line3}, "s3 = boto3.client(\"s3\")\n\n\n"}}});
  f.fixes.push_back({"Create the client lazily", Applicability::Unsafe, {{f.range, "_get_s3()"}}});
  f.fixes.push_back({"Consider provisioned concurrency", Applicability::DisplayOnly, {}});
  return f;
}

std::string text(const RunResult& run, OutputOptions opts = {}) {
  std::ostringstream os;
  writeText(os, run, opts);
  return os.str();
}

ordered_json jsonOf(const RunResult& run) {
  std::ostringstream os;
  writeJson(os, run, {});
  return ordered_json::parse(os.str());
}

OutputOptions sarifOptions(const std::string& root) {
  OutputOptions opts;
  opts.srcRoot = root;
  opts.commandLine = "lambda-lint --format sarif .";
  opts.rules.push_back(&fakeCheck());
  return opts;
}

json sarifOf(const RunResult& run, const OutputOptions& opts) {
  std::ostringstream os;
  writeSarif(os, run, opts);
  return json::parse(os.str());
}

std::vector<std::string> keys(const ordered_json& j) {
  std::vector<std::string> out;
  for (auto it = j.begin(); it != j.end(); ++it) out.push_back(it.key());
  return out;
}

using Keys = std::vector<std::string>;

} // namespace

// ---------------------------------------------------------------------------------------------
// Text

TEST(TextOutput, FindingWithSourceFixesAndRelated) {
  auto file = std::make_shared<SourceFile>("src/app.py", kApp);
  RunResult run;
  run.findings.push_back(clientFinding(file));
  run.filesAnalyzed = 1;
  EXPECT_EQ(text(run),
            "src/app.py:4:10: warning: AWS SDK client `boto3.client(\"s3\")` is created on every "
            "invocation [test-rule]\n"
            "    s3 = boto3.client(\"s3\")\n"
            "         ^~~~~~~~~~~~~~~~~~\n"
            "  fix (safe): Move the client to module scope\n"
            "  fix (unsafe, needs --unsafe-fixes): Create the client lazily\n"
            "  fix (display only): Consider provisioned concurrency\n"
            "src/app.py:3:5: note: handler `lambda_handler`\n"
            "Found 1 finding in 1 file (1 fixable with --fix).\n");
}

TEST(TextOutput, CaretKeepsTabsAndCountsCodePoints) {
  // "\t" then "é" (2 bytes) and "😀" (4 bytes) before the range; the range holds a 3-byte "€".
  auto file = std::make_shared<SourceFile>("t.py", "x = 1\n\t\xC3\xA9\xF0\x9F\x98\x80 = f(\xE2\x82\xAC)\n");
  Finding f;
  f.rule = "r";
  f.level = Level::Error;
  f.file = file;
  f.range = rangeOf(*file, "f(\xE2\x82\xAC)");
  f.message = "m";
  RunResult run;
  run.findings.push_back(f);
  run.filesAnalyzed = 1;
  std::string out = text(run);
  EXPECT_EQ(out,
            "t.py:2:7: error: m [r]\n"
            "\t\xC3\xA9\xF0\x9F\x98\x80 = f(\xE2\x82\xAC)\n"
            "\t     ^~~~\n"
            "Found 1 finding in 1 file.\n");
}

TEST(TextOutput, MultiLineRangeUnderlinesFirstLineOnly) {
  auto file = std::make_shared<SourceFile>("a.py", "v = call(\n    1)\n");
  Finding f;
  f.rule = "r";
  f.file = file;
  f.range = rangeOf(*file, "call(\n    1)");
  f.message = "m";
  RunResult run;
  run.findings.push_back(f);
  std::string out = text(run);
  EXPECT_NE(out.find("v = call(\n    ^~~~~\n"), std::string::npos) << out;
}

TEST(TextOutput, EmptyRangeIsASingleCaret) {
  auto file = std::make_shared<SourceFile>("a.py", "abc\n");
  Finding f;
  f.rule = "r";
  f.file = file;
  f.range = {3, 3};
  f.message = "m";
  RunResult run;
  run.findings.push_back(f);
  EXPECT_NE(text(run).find("a.py:1:4: warning: m [r]\nabc\n   ^\n"), std::string::npos);
}

TEST(TextOutput, NoSource) {
  auto file = std::make_shared<SourceFile>("src/app.py", kApp);
  RunResult run;
  run.findings.push_back(clientFinding(file));
  OutputOptions opts;
  opts.showSource = false;
  std::string out = text(run, opts);
  EXPECT_EQ(out.find("    s3 = boto3"), std::string::npos);
  EXPECT_EQ(out.find('^'), std::string::npos);
  EXPECT_NE(out.find("[test-rule]\n  fix (safe)"), std::string::npos);
}

TEST(TextOutput, NoticesBeforeSummary) {
  RunResult run;
  run.filesAnalyzed = 3;
  run.notices.push_back({Level::Error, "missing.py", std::nullopt, "cannot read: No such file or directory"});
  run.notices.push_back({Level::Warning, "bad.py", Position{2, 5}, "syntax error"});
  run.notices.push_back({Level::Note, "", std::nullopt, "something about the run"});
  EXPECT_EQ(text(run),
            "missing.py: error: cannot read: No such file or directory\n"
            "bad.py:2:5: warning: syntax error\n"
            "lambda-lint: note: something about the run\n"
            "No findings in 3 files.\n");
}

TEST(TextOutput, SummaryVariants) {
  auto file = std::make_shared<SourceFile>("a.py", kApp);
  RunResult run;
  run.filesAnalyzed = 1;
  EXPECT_EQ(text(run), "No findings in 1 file.\n");

  Finding safe = clientFinding(file);
  Finding unsafeOnly = clientFinding(file);
  unsafeOnly.fixes.erase(unsafeOnly.fixes.begin());
  Finding none = clientFinding(file);
  none.fixes.clear();
  run.findings = {safe, unsafeOnly, none};
  run.filesAnalyzed = 2;
  OutputOptions opts;
  opts.showSource = false;
  std::string out = text(run, opts);
  EXPECT_EQ(out.substr(out.rfind("Found")),
            "Found 3 findings in 2 files (1 fixable with --fix, 1 more with --unsafe-fixes).\n");

  run.findings = {unsafeOnly};
  out = text(run, opts);
  EXPECT_EQ(out.substr(out.rfind("Found")), "Found 1 finding in 2 files (1 fixable with --fix --unsafe-fixes).\n");

  // With --unsafe-fixes, unsafe fixes count as fixable and are labelled plainly.
  run.unsafeFixesEnabled = true;
  run.findings = {safe, unsafeOnly, none};
  out = text(run, opts);
  EXPECT_NE(out.find("  fix (unsafe): Create the client lazily\n"), std::string::npos);
  EXPECT_EQ(out.substr(out.rfind("Found")), "Found 3 findings in 2 files (2 fixable with --fix).\n");

  run.fixesApplied = 4;
  run.findings = {none};
  out = text(run, opts);
  EXPECT_NE(out.find("Fixed 4 findings.\nFound 1 finding in 2 files.\n"), std::string::npos) << out;
  run.findings.clear();
  run.fixesApplied = 1;
  EXPECT_EQ(text(run, opts), "Fixed 1 finding.\nNo findings in 2 files.\n");
}

TEST(TextOutput, Colour) {
  auto file = std::make_shared<SourceFile>("src/app.py", kApp);
  RunResult run;
  run.findings.push_back(clientFinding(file));
  Finding err = clientFinding(file);
  err.level = Level::Error;
  run.findings.push_back(err);
  run.notices.push_back({Level::Note, "x.txt", std::nullopt, "skipped"});
  OutputOptions opts;
  opts.color = true;
  std::string out = text(run, opts);
  EXPECT_NE(out.find("\033[1msrc/app.py:4:10:\033[0m \033[1;35mwarning:\033[0m"), std::string::npos) << out;
  EXPECT_NE(out.find("\033[1;31merror:\033[0m"), std::string::npos);
  EXPECT_NE(out.find("\033[1;36mnote:\033[0m handler"), std::string::npos);
  EXPECT_NE(out.find("  \033[32mfix (safe): Move the client to module scope\033[0m\n"), std::string::npos);
  EXPECT_NE(out.find("\033[1mx.txt:\033[0m \033[1;36mnote:\033[0m skipped\n"), std::string::npos);
  opts.color = false;
  EXPECT_EQ(text(run, opts).find('\033'), std::string::npos);
}

TEST(TextOutput, RuleList) {
  std::vector<const Check*> rules{&fakeCheck()};
  std::ostringstream os;
  writeRuleListText(os, rules);
  EXPECT_NE(os.str().find("test-rule"), std::string::npos);
  EXPECT_NE(os.str().find("warning"), std::string::npos);
  std::ostringstream js;
  writeRuleListJson(js, rules);
  json j = json::parse(js.str());
  ASSERT_EQ(j["rules"].size(), 1u);
  EXPECT_EQ(j["rules"][0]["id"], "test-rule");
  EXPECT_EQ(j["rules"][0]["name"], "TestRule");
  EXPECT_EQ(j["rules"][0]["level"], "warning");
  EXPECT_EQ(j["rules"][0]["fix"], "sometimes");
  EXPECT_EQ(j["rules"][0]["languages"], json::array({"python"}));
}

// ---------------------------------------------------------------------------------------------
// JSON

TEST(JsonOutput, ExactShapeAndOneBasedPositions) {
  auto file = std::make_shared<SourceFile>("src/app.py", kApp);
  RunResult run;
  run.findings.push_back(clientFinding(file));
  run.notices.push_back({Level::Error, "missing.py", std::nullopt, "cannot read: No such file or directory"});
  run.notices.push_back({Level::Warning, "src/app.py", Position{4, 5}, "syntax error"});
  run.filesAnalyzed = 1;
  run.fixesApplied = 2;
  ordered_json j = jsonOf(run);

  EXPECT_EQ(keys(j), (Keys{"version", "findings", "notices", "init_estimate", "packages", "summary"}));
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["findings"].size(), 1u);
  const ordered_json& f = j["findings"][0];
  EXPECT_EQ(keys(f), (Keys{"rule", "level", "path", "line", "column", "end_line", "end_column", "message",
                           "related", "fixes"}));
  EXPECT_EQ(f["rule"], "test-rule");
  EXPECT_EQ(f["level"], "warning");
  EXPECT_EQ(f["path"], "src/app.py");
  EXPECT_EQ(f["line"], 4);
  EXPECT_EQ(f["column"], 10);
  EXPECT_EQ(f["end_line"], 4);
  EXPECT_EQ(f["end_column"], 28);
  EXPECT_EQ(f["message"], "AWS SDK client `boto3.client(\"s3\")` is created on every invocation");

  ASSERT_EQ(f["related"].size(), 1u);
  EXPECT_EQ(keys(f["related"][0]), (Keys{"path", "line", "column", "end_line", "end_column", "message"}));
  EXPECT_EQ(f["related"][0]["line"], 3);
  EXPECT_EQ(f["related"][0]["column"], 5);
  EXPECT_EQ(f["related"][0]["end_column"], 19);

  ASSERT_EQ(f["fixes"].size(), 3u);
  EXPECT_EQ(keys(f["fixes"][0]), (Keys{"description", "applicability", "edits"}));
  EXPECT_EQ(f["fixes"][0]["applicability"], "safe");
  EXPECT_EQ(f["fixes"][1]["applicability"], "unsafe");
  EXPECT_EQ(f["fixes"][2]["applicability"], "display-only");
  EXPECT_EQ(f["fixes"][2]["edits"], ordered_json::array());
  const ordered_json& del = f["fixes"][0]["edits"][0];
  EXPECT_EQ(keys(del), (Keys{"path", "line", "column", "end_line", "end_column", "text"}));
  EXPECT_EQ(del["path"], "src/app.py");
  EXPECT_EQ(del["line"], 4);
  EXPECT_EQ(del["column"], 1);
  EXPECT_EQ(del["end_line"], 5); // whole line with its newline
  EXPECT_EQ(del["end_column"], 1);
  EXPECT_EQ(del["text"], "");
  const ordered_json& ins = f["fixes"][0]["edits"][1];
  EXPECT_EQ(ins["line"], 3);
  EXPECT_EQ(ins["end_line"], 3);
  EXPECT_EQ(ins["column"], ins["end_column"]);
  EXPECT_EQ(ins["text"], "s3 = boto3.client(\"s3\")\n\n\n");

  ASSERT_EQ(j["notices"].size(), 2u);
  EXPECT_EQ(keys(j["notices"][0]), (Keys{"level", "path", "line", "column", "message"}));
  EXPECT_EQ(j["notices"][0]["level"], "error");
  EXPECT_EQ(j["notices"][0]["path"], "missing.py");
  EXPECT_TRUE(j["notices"][0]["line"].is_null());
  EXPECT_TRUE(j["notices"][0]["column"].is_null());
  EXPECT_EQ(j["notices"][1]["line"], 4);
  EXPECT_EQ(j["notices"][1]["column"], 5);

  EXPECT_EQ(keys(j["summary"]), (Keys{"files", "findings", "fixes_applied", "remaining", "baseline"}));
  EXPECT_TRUE(j["summary"]["baseline"].is_null());
  EXPECT_EQ(j["summary"]["files"], 1);
  EXPECT_EQ(j["summary"]["findings"], 1);
  EXPECT_EQ(j["summary"]["fixes_applied"], 2);
}

TEST(JsonOutput, PrettyPrintedWithTwoSpaces) {
  RunResult run;
  std::ostringstream os;
  writeJson(os, run, {});
  EXPECT_EQ(os.str(),
            "{\n  \"version\": 1,\n  \"findings\": [],\n  \"notices\": [],\n  \"init_estimate\": [],\n  \"packages\": [],\n  \"summary\": {\n"
            "    \"files\": 0,\n    \"findings\": 0,\n    \"fixes_applied\": 0,\n    \"remaining\": 0,\n"
            "    \"baseline\": null\n  }\n}\n");
}

TEST(JsonOutput, EscapingAndBadUtf8) {
  // Quotes, backslashes, control characters and non-ASCII in paths and messages; a byte that is
  // not UTF-8 must not make the writer throw.
  auto file = std::make_shared<SourceFile>("dir \"q\"\\x/\xC3\xBC\xFF.py", "a = \"\xE2\x82\xAC\"\n");
  Finding f;
  f.rule = "r";
  f.file = file;
  f.range = {4, 9};
  f.message = "line1\nline2\t\"quoted\" \\ \x01 \xE2\x82\xAC";
  RunResult run;
  run.findings.push_back(f);
  std::ostringstream os;
  ASSERT_NO_THROW(writeJson(os, run, {}));
  ordered_json j = ordered_json::parse(os.str());
  EXPECT_EQ(j["findings"][0]["message"], "line1\nline2\t\"quoted\" \\ \x01 \xE2\x82\xAC");
  EXPECT_EQ(j["findings"][0]["path"], "dir \"q\"\\x/\xC3\xBC\xEF\xBF\xBD.py"); // U+FFFD
  EXPECT_EQ(j["findings"][0]["column"], 5);
  EXPECT_EQ(j["findings"][0]["end_column"], 8); // "€" counts as one column
}

// ---------------------------------------------------------------------------------------------
// SARIF

TEST(SarifOutput, LogRunAndDriver) {
  auto file = std::make_shared<SourceFile>("/repo/src/app.py", kApp);
  RunResult run;
  run.findings.push_back(clientFinding(file));
  json s = sarifOf(run, sarifOptions("/repo"));
  EXPECT_EQ(s["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(s["version"], "2.1.0");
  ASSERT_EQ(s["runs"].size(), 1u);
  const json& r = s["runs"][0];
  EXPECT_EQ(r["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(r["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo/");
  const json& d = r["tool"]["driver"];
  EXPECT_EQ(d["name"], "lambda-lint");
  EXPECT_EQ(d["semanticVersion"], LAMBDA_LINT_VERSION);
  EXPECT_EQ(d["version"], LAMBDA_LINT_VERSION);
  EXPECT_EQ(d["informationUri"], "https://github.com/lambda-lint/lambda-lint");
  ASSERT_EQ(r["invocations"].size(), 1u);
  EXPECT_EQ(r["invocations"][0]["executionSuccessful"], true);
  EXPECT_EQ(r["invocations"][0]["commandLine"], "lambda-lint --format sarif .");
}

TEST(SarifOutput, RuleDescriptorWithoutDocPage) {
  RunResult run;
  json s = sarifOf(run, sarifOptions("/repo"));
  const json& rules = s["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 1u);
  const json& rule = rules[0];
  EXPECT_EQ(rule["id"], "test-rule");
  EXPECT_EQ(rule["name"], "TestRule");
  EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
  EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
  EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty());
  EXPECT_EQ(rule["helpUri"], "https://github.com/lambda-lint/lambda-lint/blob/main/docs/rules/test-rule.md");
  EXPECT_EQ(rule["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(rule["properties"]["tags"], json::array({"cold-start", "performance"}));
  EXPECT_EQ(rule["properties"]["precision"], "high");
  EXPECT_EQ(rule["properties"]["problem.severity"], "warning");
}

TEST(SarifOutput, RuleDescriptorFromDocPage) {
  const auto& docs = embedded::ruleDocs();
  if (docs.empty()) GTEST_SKIP() << "no embedded rule pages";
  FakeCheck check(RuleInfo{docs[0].id, "DocumentedRule", Level::Error, {"performance", "cost"}, {"python"}, "none"});
  OutputOptions opts = sarifOptions("/repo");
  opts.rules = {&check};
  json s = sarifOf(RunResult{}, opts);
  const json& rule = s["runs"][0]["tool"]["driver"]["rules"][0];
  const RuleDoc& doc = ruleDoc(docs[0].id);
  EXPECT_EQ(rule["shortDescription"]["text"], doc.summary);
  EXPECT_EQ(rule["fullDescription"]["text"], doc.whatItDoes);
  EXPECT_EQ(rule["help"]["text"], doc.plainText);
  EXPECT_EQ(rule["help"]["markdown"], doc.markdown);
  EXPECT_EQ(rule["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rule["properties"]["tags"], json::array({"performance", "cost"}));
  EXPECT_EQ(rule["properties"]["problem.severity"], "error");
}

TEST(SarifOutput, ResultLocationsAndFixes) {
  auto file = std::make_shared<SourceFile>("/repo/src/app.py", kApp);
  RunResult run;
  run.findings.push_back(clientFinding(file));
  json s = sarifOf(run, sarifOptions("/repo"));
  ASSERT_EQ(s["runs"][0]["results"].size(), 1u);
  const json& res = s["runs"][0]["results"][0];
  EXPECT_EQ(res["ruleId"], "test-rule");
  EXPECT_EQ(res["ruleIndex"], 0);
  EXPECT_EQ(res["level"], "warning");
  EXPECT_EQ(res["message"]["text"], "AWS SDK client `boto3.client(\"s3\")` is created on every invocation.");

  ASSERT_EQ(res["locations"].size(), 1u);
  const json& pl = res["locations"][0]["physicalLocation"];
  EXPECT_EQ(pl["artifactLocation"], (json{{"uri", "src/app.py"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(pl["region"]["startLine"], 4);
  EXPECT_EQ(pl["region"]["startColumn"], 10);
  EXPECT_EQ(pl["region"]["endLine"], 4);
  EXPECT_EQ(pl["region"]["endColumn"], 28);
  EXPECT_EQ(pl["region"]["snippet"]["text"], "boto3.client(\"s3\")");
  EXPECT_EQ(pl["contextRegion"]["startLine"], 3);
  EXPECT_EQ(pl["contextRegion"]["endLine"], 5);

  ASSERT_EQ(res["relatedLocations"].size(), 1u);
  const json& rel = res["relatedLocations"][0];
  EXPECT_EQ(rel["id"], 1);
  EXPECT_EQ(rel["message"]["text"], "handler `lambda_handler`.");
  EXPECT_EQ(rel["physicalLocation"]["artifactLocation"]["uri"], "src/app.py");
  EXPECT_EQ(rel["physicalLocation"]["region"]["startLine"], 3);
  EXPECT_EQ(rel["physicalLocation"]["region"]["startColumn"], 5);

  // Paths in fingerprints are relative to the project root (srcRoot), as the URIs are.
  std::string fp = fingerprint(run.findings[0], "/repo");
  EXPECT_EQ(fingerprint(clientFinding(std::make_shared<SourceFile>("/elsewhere/src/app.py", kApp)), "/elsewhere"), fp);
  EXPECT_EQ(res["partialFingerprints"]["lambdaLint/v1"], fp);
  // GitHub's own hash of the result's line (line 4), as upload-sarif would compute it.
  EXPECT_EQ(res["partialFingerprints"]["primaryLocationLineHash"], githubLineHashes(kApp).at(3));
  EXPECT_FALSE(res.contains("baselineState"));

  // Safe and unsafe fixes only; the display-only one is advice, not a change.
  ASSERT_EQ(res["fixes"].size(), 2u);
  const json& hoist = res["fixes"][0];
  EXPECT_EQ(hoist["description"]["text"], "Move the client to module scope.");
  ASSERT_EQ(hoist["artifactChanges"].size(), 1u);
  const json& change = hoist["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"]["uri"], "src/app.py");
  EXPECT_EQ(change["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  ASSERT_EQ(change["replacements"].size(), 2u);
  // Sorted by position: the insertion at line 3 first, an empty deleted region.
  const json& insertion = change["replacements"][0];
  EXPECT_EQ(insertion["deletedRegion"],
            (json{{"startLine", 3}, {"startColumn", 1}, {"endLine", 3}, {"endColumn", 1}}));
  EXPECT_EQ(insertion["insertedContent"]["text"], "s3 = boto3.client(\"s3\")\n\n\n");
  const json& deletion = change["replacements"][1];
  EXPECT_EQ(deletion["deletedRegion"],
            (json{{"startLine", 4}, {"startColumn", 1}, {"endLine", 5}, {"endColumn", 1}}));
  EXPECT_FALSE(deletion.contains("insertedContent"));
  EXPECT_EQ(res["fixes"][1]["description"]["text"], "(unsafe) Create the client lazily.");
  EXPECT_EQ(res["fixes"][1]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"], "_get_s3()");
}

TEST(SarifOutput, UrisAreRelativeToSrcRootAndPercentEncoded) {
  auto odd = std::make_shared<SourceFile>("/my repo/dir with space/\xC3\xBC#%[1]:x.py", "a = 1\n");
  auto outside = std::make_shared<SourceFile>("/elsewhere/b c.py", "b = 2\n");
  auto dotted = std::make_shared<SourceFile>("/my repo/sub/../other/./c.py", "c = 3\n");
  RunResult run;
  for (auto f : {odd, outside, dotted}) {
    Finding x;
    x.rule = "test-rule";
    x.file = f;
    x.range = {0, 1};
    x.message = "m";
    run.findings.push_back(x);
  }
  json s = sarifOf(run, sarifOptions("/my repo/"));
  const json& r = s["runs"][0];
  EXPECT_EQ(r["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///my%20repo/");
  auto loc = [&](size_t i) { return r["results"][i]["locations"][0]["physicalLocation"]["artifactLocation"]; };
  EXPECT_EQ(loc(0), (json{{"uri", "dir%20with%20space/%C3%BC%23%25%5B1%5D%3Ax.py"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(loc(1), (json{{"uri", "file:///elsewhere/b%20c.py"}}));
  EXPECT_EQ(loc(2), (json{{"uri", "other/c.py"}, {"uriBaseId", "%SRCROOT%"}}));
}

TEST(SarifOutput, RelativePathsResolveAgainstWorkingDirectory) {
  auto file = std::make_shared<SourceFile>("./src/../src/app.py", kApp);
  RunResult run;
  run.findings.push_back(clientFinding(file));
  std::string cwd = fs::current_path().string();
  json s = sarifOf(run, sarifOptions(cwd));
  EXPECT_EQ(s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "src/app.py");
  // srcRoot is the parent: the URI gains the working directory's name.
  json up = sarifOf(run, sarifOptions(fs::current_path().parent_path().string()));
  EXPECT_EQ(up["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            fs::current_path().filename().string() + "/src/app.py");
}

TEST(SarifOutput, NotificationsAndEscaping) {
  auto file = std::make_shared<SourceFile>("/repo/a.py", "x = 1\n");
  Finding f;
  f.rule = "test-rule";
  f.file = file;
  f.range = {0, 1};
  f.message = "tricky \"quotes\" \\ <tag> & \n newline \xFF";
  RunResult run;
  run.findings.push_back(f);
  run.notices.push_back({Level::Error, "/repo/missing.py", std::nullopt, "cannot read: No such file or directory"});
  run.notices.push_back({Level::Warning, "/repo/a.py", Position{1, 3}, "syntax error"});
  run.notices.push_back({Level::Note, "", std::nullopt, "run note"});
  std::ostringstream os;
  ASSERT_NO_THROW(writeSarif(os, run, sarifOptions("/repo")));
  json s = json::parse(os.str());
  EXPECT_EQ(s["runs"][0]["results"][0]["message"]["text"],
            "tricky \"quotes\" \\ <tag> & \n newline \xEF\xBF\xBD.");
  const json& n = s["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0]["level"], "error");
  EXPECT_EQ(n[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "missing.py");
  EXPECT_FALSE(n[0]["locations"][0]["physicalLocation"].contains("region"));
  EXPECT_EQ(n[1]["level"], "warning");
  EXPECT_EQ(n[1]["locations"][0]["physicalLocation"]["region"], (json{{"startLine", 1}, {"startColumn", 3}}));
  EXPECT_EQ(n[2]["level"], "note");
  EXPECT_FALSE(n[2].contains("locations"));
  EXPECT_NE(n[2]["message"]["text"].get<std::string>().find("run note"), std::string::npos);
}

TEST(SarifOutput, EmptyRangeAndEmptyFile) {
  auto empty = std::make_shared<SourceFile>("/repo/empty.py", "");
  Finding f;
  f.rule = "test-rule";
  f.file = empty;
  f.range = {0, 0};
  f.message = "m";
  f.fixes.push_back({"insert", Applicability::Safe, {{{0, 0}, "import boto3\n"}}});
  RunResult run;
  run.findings.push_back(f);
  json s = sarifOf(run, sarifOptions("/repo"));
  const json& res = s["runs"][0]["results"][0];
  EXPECT_EQ(res["locations"][0]["physicalLocation"]["region"],
            (json{{"startLine", 1}, {"startColumn", 1}, {"endLine", 1}, {"endColumn", 1}}));
  EXPECT_EQ(res["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]["endColumn"], 1);
}

TEST(SarifOutput, DuplicateFingerprintsAreNumbered) {
  auto file = std::make_shared<SourceFile>("/repo/a.py",
                                           "def h(e, c):\n    boto3.client('s3')\n    boto3.client('s3')\n");
  RunResult run;
  for (size_t from : {0, 30}) {
    Finding f;
    f.rule = "test-rule";
    f.file = file;
    f.range = rangeOf(*file, "boto3.client('s3')", from);
    f.message = "m";
    run.findings.push_back(f);
  }
  ASSERT_NE(run.findings[0].range, run.findings[1].range);
  // Findings on a whole package, which upload-sarif does not hash: lambda-lint's fingerprint,
  // numbered by occurrence as GitHub numbers its own line hashes.
  auto zip = std::make_shared<SourceFile>("/repo/fn.zip", "");
  for (int i = 0; i < 2; ++i) {
    Finding f;
    f.rule = "test-rule";
    f.file = zip;
    f.message = "m";
    f.wholeArtifact = true;
    run.findings.push_back(f);
  }
  json s = sarifOf(run, sarifOptions("/repo"));
  const json& results = s["runs"][0]["results"];
  std::string fp = fingerprint(run.findings[0], "/repo");
  EXPECT_EQ(fingerprint(run.findings[1], "/repo"), fp);
  EXPECT_EQ(results[0]["partialFingerprints"]["lambdaLint/v1"], fp);
  EXPECT_EQ(results[1]["partialFingerprints"]["lambdaLint/v1"], fp);
  // In source, GitHub's line hashes, which differ by line here.
  const auto hashes = githubLineHashes(file->text());
  EXPECT_EQ(results[0]["partialFingerprints"]["primaryLocationLineHash"], hashes.at(1));
  EXPECT_EQ(results[1]["partialFingerprints"]["primaryLocationLineHash"], hashes.at(2));
  std::string zfp = fingerprint(run.findings[2], "/repo");
  EXPECT_EQ(results[2]["partialFingerprints"]["primaryLocationLineHash"], zfp + ":1");
  EXPECT_EQ(results[3]["partialFingerprints"]["primaryLocationLineHash"], zfp + ":2");
}

TEST(SarifOutput, RulesNamedByFindingsButNotEnabledAreAdded) {
  auto file = std::make_shared<SourceFile>("/repo/a.py", "x = 1\n");
  Finding f;
  f.rule = "not-a-known-rule";
  f.file = file;
  f.range = {0, 1};
  f.message = "m";
  RunResult run;
  run.findings.push_back(f);
  json s = sarifOf(run, sarifOptions("/repo"));
  // Unknown to the registry: no descriptor, so no ruleIndex (which would dangle).
  EXPECT_EQ(s["runs"][0]["results"][0]["ruleId"], "not-a-known-rule");
  EXPECT_FALSE(s["runs"][0]["results"][0].contains("ruleIndex"));
  EXPECT_EQ(s["runs"][0]["tool"]["driver"]["rules"].size(), 1u);
}

// ---------------------------------------------------------------------------------------------
// Fingerprints

TEST(Fingerprint, StableWhenLinesAreInsertedAbove) {
  std::string before = kApp;
  std::string after = "# a new comment\nimport os\n\n" + before;
  auto a = std::make_shared<SourceFile>("src/app.py", before);
  auto b = std::make_shared<SourceFile>("src/app.py", after);
  Finding fa = clientFinding(a), fb = clientFinding(b);
  ASSERT_NE(a->position(fa.range.begin).line, b->position(fb.range.begin).line);
  EXPECT_EQ(fingerprint(fa), fingerprint(fb));

  // Re-indenting keeps it too (whitespace runs are collapsed).
  auto wrapped = std::make_shared<SourceFile>("src/app.py", "def h(e, c):\n    s3 = boto3.client(\n        \"s3\")\n");
  auto rewrapped = std::make_shared<SourceFile>("src/app.py", "def h(e, c):\n\ts3 = boto3.client(\n\t\t\"s3\")\n");
  Finding fw = fa, fr = fa;
  fw.file = wrapped;
  fw.range = rangeOf(*wrapped, "boto3.client(\n        \"s3\")");
  fr.file = rewrapped;
  fr.range = rangeOf(*rewrapped, "boto3.client(\n\t\t\"s3\")");
  EXPECT_EQ(fingerprint(fw), fingerprint(fr));

  // In SARIF too.
  RunResult ra, rb;
  ra.findings = {fa};
  rb.findings = {fb};
  std::string cwd = fs::current_path().string();
  EXPECT_EQ(sarifOf(ra, sarifOptions(cwd))["runs"][0]["results"][0]["partialFingerprints"],
            sarifOf(rb, sarifOptions(cwd))["runs"][0]["results"][0]["partialFingerprints"]);
}

TEST(Fingerprint, DependsOnRulePathAndText) {
  auto a = std::make_shared<SourceFile>("src/app.py", kApp);
  Finding f = clientFinding(a);
  std::string fp = fingerprint(f);
  EXPECT_EQ(fp.size(), 16u);
  EXPECT_EQ(fp.find_first_not_of("0123456789abcdef"), std::string::npos);

  Finding otherRule = f;
  otherRule.rule = "other-rule";
  EXPECT_NE(fingerprint(otherRule), fp);

  Finding otherPath = clientFinding(std::make_shared<SourceFile>("src/other.py", kApp));
  EXPECT_NE(fingerprint(otherPath), fp);

  std::string changed = kApp;
  changed.replace(changed.find("\"s3\""), 4, "\"sqs\"");
  auto c = std::make_shared<SourceFile>("src/app.py", changed);
  Finding otherText = f;
  otherText.file = c;
  otherText.range = rangeOf(*c, "boto3.client(\"sqs\")");
  EXPECT_NE(fingerprint(otherText), fp);

  // The message and the position do not matter.
  Finding otherMessage = f;
  otherMessage.message = "reworded";
  EXPECT_EQ(fingerprint(otherMessage), fp);
}

TEST(Fingerprint, SpellingsOfTheSamePathAgree) {
  Finding a = clientFinding(std::make_shared<SourceFile>("src/app.py", kApp));
  Finding b = clientFinding(std::make_shared<SourceFile>("./src/../src/app.py", kApp));
  Finding c = clientFinding(std::make_shared<SourceFile>((fs::current_path() / "src/app.py").string(), kApp));
  EXPECT_EQ(fingerprint(a), fingerprint(b));
  EXPECT_EQ(fingerprint(a), fingerprint(c));
}

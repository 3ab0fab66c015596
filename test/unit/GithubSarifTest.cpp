// SARIF for GitHub code scanning: GitHub's line hashes, its limits, the category, the git
// repository (versionControlProvenance, the project root), and --baseline.
#include "TempTree.h"

#include "tool/Baseline.h"
#include "output/Fingerprint.h"
#include "output/Output.h"
#include "output/Repository.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace ll;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* kHandler = "import boto3\n\ndef lambda_handler(event, context):\n    s3 = boto3.client(\"s3\")\n    return s3\n";

ByteRange rangeOf(const SourceFile& f, std::string_view needle, size_t from = 0) {
  size_t at = f.text().find(needle, from);
  EXPECT_NE(at, std::string::npos) << needle;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

Finding finding(std::shared_ptr<const SourceFile> file, std::string_view needle, Level level = Level::Warning,
                std::string rule = "client-in-handler", size_t from = 0) {
  Finding f;
  f.rule = std::move(rule);
  f.level = level;
  f.file = file;
  f.range = rangeOf(*file, needle, from);
  f.message = "m";
  return f;
}

json sarifOf(const RunResult& run, const OutputOptions& opts) {
  std::ostringstream os;
  writeSarif(os, run, opts);
  return json::parse(os.str());
}

OutputOptions options(const std::string& root = "/repo") {
  OutputOptions o;
  o.srcRoot = root;
  return o;
}

std::vector<std::string> notificationTexts(const json& log) {
  std::vector<std::string> out;
  const json& inv = log["runs"][0]["invocations"][0];
  if (!inv.contains("toolExecutionNotifications")) return out;
  for (const json& n : inv["toolExecutionNotifications"]) out.push_back(n["message"]["text"]);
  return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// GitHub's line hashes: the values upload-sarif computes for the same text.

TEST(GithubLineHashes, MatchWhatUploadSarifComputes) {
  const auto plain = githubLineHashes(kHandler);
  ASSERT_EQ(plain.size(), 6u); // five lines and the end of the input
  EXPECT_EQ(plain[0], "eb4dee665422ca16:1");
  EXPECT_EQ(plain[1], "ef35039ac630fe22:1");
  EXPECT_EQ(plain[2], "9a895f58a5f42880:1");
  EXPECT_EQ(plain[3], "fd1aa0a9bbf1590b:1");
  EXPECT_EQ(plain[4], "48952a7d852501c3:1");
  EXPECT_EQ(plain[5], "c129715d7a2bc9a3:1");

  // CRLF line ends hash as LF.
  std::string crlf;
  for (char c : std::string(kHandler)) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(githubLineHashes(crlf), plain);

  // Indentation with tabs instead of spaces changes nothing: both are left out.
  std::string tabs = kHandler;
  tabs.replace(tabs.find("    s3"), 4, "\t");
  EXPECT_EQ(githubLineHashes(tabs)[3], plain[3]);

  // Invalid UTF-8 decodes as U+FFFD, one per maximal invalid subsequence.
  const auto bad = githubLineHashes(std::string("# \xff\xfe bad \xe2\x82 \xf0\x9f\x98 x\xed\xa0\x80y\n") + kHandler);
  EXPECT_EQ(bad[0], "1b5a32ca1878b87e:1");
  EXPECT_EQ(std::vector<std::string>(bad.begin() + 1, bad.end()), plain);

  // Equal hashes are numbered in file order.
  std::string repeated;
  for (int i = 0; i < 60; ++i) repeated += "a\n";
  const auto rep = githubLineHashes(repeated);
  EXPECT_EQ(rep[0], "83d4df87b9db256:1");
  EXPECT_EQ(rep[1], "83d4df87b9db256:2");
  EXPECT_EQ(rep[10], "83d4df87b9db256:11");
  EXPECT_EQ(rep[11], "83d4df87bc2a422:1");
  EXPECT_EQ(rep[59], "243cbaa4685aab12:1");

  EXPECT_EQ(githubLineHashes("").size(), 1u);
}

TEST(GithubLineHashes, EmojiAreTwoCodeUnits) {
  // Supplementary-plane characters count as two UTF-16 code units, as in JavaScript strings.
  EXPECT_EQ(githubLineHashes("# \xF0\x9F\x98\x80 emoji\n\t\n"),
            (std::vector<std::string>{"2d5c3eb2fdb5c643:1", "3c5bef55b72b93c9:1", "c129715d7a2bc9a3:1"}));
  EXPECT_EQ(githubLineHashes("\xF0\x9F\x98\x80\n")[0], "49e42825ed591e1a:1");
  EXPECT_EQ(githubLineHashes("\xEF\xBF\xBD\xEF\xBF\xBD\n")[0], "b94e3e336a503d4f:1");
}

// ---------------------------------------------------------------------------------------------
// GitHub's limits

TEST(SarifLimits, ResultsBeyondTheLimitLeaveTheLeastSevereOut) {
  auto file = std::make_shared<SourceFile>("/repo/a.py", "a\nb\nc\nd\ne\nf\n");
  RunResult run;
  // In path order: note, warning, error, note, warning, note.
  const Level levels[] = {Level::Note, Level::Warning, Level::Error, Level::Note, Level::Warning, Level::Note};
  const char* names[] = {"a", "b", "c", "d", "e", "f"};
  for (int i = 0; i < 6; ++i) run.findings.push_back(finding(file, names[i], levels[i]));
  OutputOptions o = options();
  o.sarifLimits.resultsPerRun = 4;
  std::ostringstream warnings;
  o.warnings = &warnings;
  json s = sarifOf(run, o);
  const json& results = s["runs"][0]["results"];
  ASSERT_EQ(results.size(), 4u);
  // The error, both warnings and the first note, still in path order.
  std::vector<int> lines;
  for (const json& r : results) lines.push_back(r["locations"][0]["physicalLocation"]["region"]["startLine"]);
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 3, 5}));
  auto texts = notificationTexts(s);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0], "SARIF: left out 2 of 6 results (2 notes): GitHub code scanning shows at most 4 results "
                      "of a run, so this log keeps the most severe; the text and JSON formats report them all.");
  EXPECT_EQ(s["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["level"], "warning");
  EXPECT_EQ(warnings.str(), "lambda-lint: warning: SARIF: left out 2 of 6 results (2 notes): GitHub code scanning "
                            "shows at most 4 results of a run, so this log keeps the most severe; the text and "
                            "JSON formats report them all\n");

  // The same input gives the same log.
  EXPECT_EQ(sarifOf(run, o), s);

  // At the limit nothing is left out or said.
  o.sarifLimits.resultsPerRun = 6;
  std::ostringstream quiet;
  o.warnings = &quiet;
  json all = sarifOf(run, o);
  EXPECT_EQ(all["runs"][0]["results"].size(), 6u);
  EXPECT_TRUE(notificationTexts(all).empty());
  EXPECT_EQ(quiet.str(), "");
}

TEST(SarifLimits, RelatedLocationsAndTagsAreCut) {
  auto file = std::make_shared<SourceFile>("/repo/a.py", kHandler);
  Finding f = finding(file, "boto3.client(\"s3\")");
  for (const char* n : {"import", "lambda_handler", "event", "context"}) f.related.push_back({rangeOf(*file, n), n});
  RunResult run;
  run.findings.push_back(f);
  run.findings.push_back(finding(file, "return"));
  OutputOptions o = options();
  o.sarifLimits.relatedLocationsPerResult = 2;
  o.sarifLimits.tagsPerRule = 2;
  static const struct TaggedCheck : Check {
    RuleInfo info_{"tagged-rule", "Tagged", Level::Warning, {"a", "b", "c"}, {"python"}, "none"};
    const RuleInfo& info() const override { return info_; }
    void run(const CheckContext&, std::vector<Finding>&) const override {}
  } tagged;
  o.rules = {&tagged};
  json s = sarifOf(run, o);
  const json& related = s["runs"][0]["results"][0]["relatedLocations"];
  ASSERT_EQ(related.size(), 2u);
  EXPECT_EQ(related[0]["message"]["text"], "import.");
  EXPECT_EQ(related[1]["message"]["text"], "lambda_handler.");
  EXPECT_EQ(s["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["tags"], json::array({"a", "b"}));
  // client-in-handler, named by the findings, has three tags (performance, cold-start, lambda).
  EXPECT_EQ(s["runs"][0]["tool"]["driver"]["rules"][1]["properties"]["tags"], json::array({"performance", "cold-start"}));
  auto texts = notificationTexts(s);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0], "SARIF: the tags of tagged-rule, client-in-handler were cut to 2 (GitHub code scanning shows 2 tags of a rule).");
  EXPECT_EQ(texts[1], "SARIF: the related locations of 1 result were cut to 2 (GitHub code scanning shows 2 "
                      "locations of a result).");
}

TEST(SarifLimits, DefaultsAreWhatGithubShows) {
  const SarifLimits limits;
  EXPECT_EQ(limits.resultsPerRun, 5000u);
  EXPECT_EQ(limits.relatedLocationsPerResult, 100u);
  EXPECT_EQ(limits.tagsPerRule, 10u);
}

// ---------------------------------------------------------------------------------------------
// Category and version control

TEST(SarifCategory, AutomationDetailsIdIsTheCategoryAndASlash) {
  RunResult run;
  OutputOptions o = options();
  EXPECT_FALSE(sarifOf(run, o)["runs"][0].contains("automationDetails"));
  o.sarifCategory = "lambda-lint/python";
  json s = sarifOf(run, o);
  ASSERT_EQ(s["runs"].size(), 1u);
  EXPECT_EQ(s["runs"][0]["automationDetails"], (json{{"id", "lambda-lint/python/"}}));
  o.sarifCategory = "already/";
  EXPECT_EQ(sarifOf(run, o)["runs"][0]["automationDetails"]["id"], "already/");
}

TEST(SarifVersionControl, ProvenanceMapsTheRepositoryToSrcRoot) {
  RunResult run;
  OutputOptions o = options("/work/repo");
  EXPECT_FALSE(sarifOf(run, o)["runs"][0].contains("versionControlProvenance"));
  o.versionControl = OutputOptions::VersionControl{"https://github.com/acme/orders", "0123456789abcdef0123456789abcdef01234567", "main"};
  json s = sarifOf(run, o);
  EXPECT_EQ(s["runs"][0]["versionControlProvenance"],
            json::parse(R"([{"repositoryUri": "https://github.com/acme/orders",
                             "revisionId": "0123456789abcdef0123456789abcdef01234567",
                             "branch": "main", "mappedTo": {"uriBaseId": "%SRCROOT%"}}])"));
  EXPECT_EQ(s["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///work/repo/");
  // Detached, unborn: what is unknown is left out.
  o.versionControl = OutputOptions::VersionControl{"https://github.com/acme/orders", "", ""};
  EXPECT_EQ(sarifOf(run, o)["runs"][0]["versionControlProvenance"][0],
            json::parse(R"({"repositoryUri": "https://github.com/acme/orders", "mappedTo": {"uriBaseId": "%SRCROOT%"}})"));
}

TEST(RemoteUrl, NormalisedToHttpsWithoutCredentials) {
  const std::pair<const char*, const char*> cases[] = {
      {"https://github.com/acme/orders.git", "https://github.com/acme/orders"},
      {"https://x-access-token:ghp_SECRET@github.com/acme/orders.git", "https://github.com/acme/orders"},
      {"https://user@GitHub.com/acme/orders/", "https://github.com/acme/orders"},
      {"http://git.internal:8080/team/repo.git", "http://git.internal:8080/team/repo"},
      {"https://gitlab.com/group/sub/repo.git?private_token=abc#frag", "https://gitlab.com/group/sub/repo"},
      {"git@github.com:acme/orders.git", "https://github.com/acme/orders"},
      {"github.com:acme/orders", "https://github.com/acme/orders"},
      {"ssh://git@github.com:22/acme/orders.git", "https://github.com/acme/orders"},
      {"ssh://git@[::1]:2222/acme/orders.git", "https://[::1]/acme/orders"},
      {"git://example.org/pub/repo.git", "https://example.org/pub/repo"},
      {"git+ssh://token:pw@example.org/r.git", "https://example.org/r"},
      {"  https://github.com/acme/orders  \n", "https://github.com/acme/orders"},
      // No host: nothing to link to.
      {"/srv/git/orders.git", ""},
      {"../orders", ""},
      {"file:///srv/git/orders.git", ""},
      {"C:\\repos\\orders", ""},
      {"https://github.com", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(webUrlOfRemote(in), want) << in;
}

// ---------------------------------------------------------------------------------------------
// Reading the repository from .git

namespace {

class GitRepositoryTest : public ll::test::TempTree {
protected:
  GitRepositoryTest() : TempTree("git") {}
  static constexpr const char* kCommit = "1111111111111111111111111111111111111111";
  static constexpr const char* kOther = "2222222222222222222222222222222222222222";
};

} // namespace

TEST_F(GitRepositoryTest, LooseRefBranchAndOrigin) {
  file("repo/.git/HEAD", "ref: refs/heads/main\n");
  file("repo/.git/refs/heads/main", std::string(kCommit) + "\n");
  file("repo/.git/config",
       "[core]\n\tbare = false\n"
       "[remote \"upstream\"]\n\turl = https://github.com/other/orders.git\n"
       "[remote \"origin\"] ; the fork\n"
       "\turl = \"https://me:ghp_SECRET@github.com/acme/orders.git\" # token in the URL\n"
       "\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
  dir("repo/src/deep");
  auto repo = findGitRepository(path("repo/src/deep"));
  ASSERT_TRUE(repo);
  EXPECT_EQ(repo->workTree, fs::path(path("repo")));
  EXPECT_EQ(repo->head, kCommit);
  EXPECT_EQ(repo->branch, "main");
  EXPECT_EQ(repo->remoteName, "origin");
  EXPECT_EQ(repo->remoteUrl, "https://me:ghp_SECRET@github.com/acme/orders.git");
  EXPECT_EQ(webUrlOfRemote(repo->remoteUrl), "https://github.com/acme/orders");
  // A file in the tree finds it too.
  file("repo/src/app.py", "x = 1\n");
  ASSERT_TRUE(findGitRepository(path("repo/src/app.py")));
  EXPECT_EQ(findGitRepository(path("repo/src/app.py"))->workTree, fs::path(path("repo")));
}

TEST_F(GitRepositoryTest, PackedRefsDetachedAndUnborn) {
  file("repo/.git/HEAD", "ref: refs/heads/feature/x\n");
  file("repo/.git/packed-refs", std::string("# pack-refs with: peeled fully-peeled sorted\n") + kOther +
                                    " refs/heads/main\n" + kCommit + " refs/heads/feature/x\n^" + kOther + "\n");
  file("repo/.git/config", "");
  auto repo = findGitRepository(path("repo"));
  ASSERT_TRUE(repo);
  EXPECT_EQ(repo->head, kCommit);
  EXPECT_EQ(repo->branch, "feature/x");
  EXPECT_EQ(repo->remoteUrl, "");

  file("repo/.git/HEAD", std::string(kOther) + "\n");
  repo = findGitRepository(path("repo"));
  ASSERT_TRUE(repo);
  EXPECT_EQ(repo->head, kOther);
  EXPECT_EQ(repo->branch, "");

  file("repo/.git/HEAD", "ref: refs/heads/nothing-yet\n");
  repo = findGitRepository(path("repo"));
  ASSERT_TRUE(repo);
  EXPECT_EQ(repo->head, "");
  EXPECT_EQ(repo->branch, "nothing-yet");
}

TEST_F(GitRepositoryTest, LinkedWorkTree) {
  // `git worktree add`: a .git file names the work tree's folder, whose commondir is the main one.
  file("main/.git/HEAD", "ref: refs/heads/main\n");
  file("main/.git/refs/heads/main", std::string(kOther) + "\n");
  file("main/.git/refs/heads/topic", std::string(kCommit) + "\n");
  file("main/.git/config", "[remote \"origin\"]\n\turl = git@github.com:acme/orders.git\n");
  file("main/.git/worktrees/wt/HEAD", "ref: refs/heads/topic\n");
  file("main/.git/worktrees/wt/commondir", "../..\n");
  file("wt/.git", "gitdir: " + path("main/.git/worktrees/wt") + "\n");
  auto repo = findGitRepository(path("wt"));
  ASSERT_TRUE(repo);
  EXPECT_EQ(repo->workTree, fs::path(path("wt")));
  EXPECT_EQ(repo->commonDir, fs::path(path("main/.git")));
  EXPECT_EQ(repo->head, kCommit);
  EXPECT_EQ(repo->branch, "topic");
  EXPECT_EQ(webUrlOfRemote(repo->remoteUrl), "https://github.com/acme/orders");

  // A relative gitdir (submodules write one) is relative to the .git file's folder.
  file("sub/.git", "gitdir: ../main/.git/worktrees/wt\n");
  ASSERT_TRUE(findGitRepository(path("sub")));
  EXPECT_EQ(findGitRepository(path("sub"))->head, kCommit);
}

TEST_F(GitRepositoryTest, RemoteChoiceAndInsteadOf) {
  file("repo/.git/HEAD", "ref: refs/heads/main\n");
  // No origin: the remote the branch tracks.
  file("repo/.git/config",
       "[remote \"a\"]\n url = https://example.org/a.git\n"
       "[remote \"b\"]\n url = https://example.org/b.git\n"
       "[branch \"main\"]\n remote = b\n");
  auto repo = findGitRepository(path("repo"));
  ASSERT_TRUE(repo);
  EXPECT_EQ(repo->remoteName, "b");
  // Two remotes, none tracked: none chosen.
  file("repo/.git/config", "[remote \"a\"]\n url = https://example.org/a.git\n[remote \"b\"]\n url = https://example.org/b.git\n");
  EXPECT_EQ(findGitRepository(path("repo"))->remoteUrl, "");
  // The only remote, through url.<base>.insteadOf (the longest prefix wins).
  file("repo/.git/config",
       "[url \"https://github.com/\"]\n\tinsteadOf = gh:\n"
       "[url \"https://mirror.example/\"]\n\tinsteadOf = g\n"
       "[remote \"mine\"]\n\turl = gh:acme/orders\n");
  repo = findGitRepository(path("repo"));
  EXPECT_EQ(repo->remoteName, "mine");
  EXPECT_EQ(repo->remoteUrl, "https://github.com/acme/orders");
}

TEST_F(GitRepositoryTest, NotARepositoryOrBroken) {
  dir("plain/sub");
  // Whatever is above the temporary folder is not looked at by this assertion: only that the
  // work tree found, if any, is not below it.
  auto none = findGitRepository(path("plain/sub"));
  if (none) EXPECT_EQ(relativeInside(none->workTree, fs::path(root_)), std::nullopt);
  // A .git file that names nothing and a .git folder without HEAD are not repositories.
  file("broken/.git", "not a gitdir line\n");
  file("nohead/.git/config", "");
  auto b = findGitRepository(path("broken"));
  if (b) EXPECT_EQ(relativeInside(b->workTree, fs::path(root_)), std::nullopt);
  auto n = findGitRepository(path("nohead"));
  if (n) EXPECT_EQ(relativeInside(n->workTree, fs::path(root_)), std::nullopt);
  // An unreadable or odd HEAD leaves the commit out; it never throws.
  file("odd/.git/HEAD", "ref: ../../../../etc/passwd\n");
  auto odd = findGitRepository(path("odd"));
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->head, "");
}

// ---------------------------------------------------------------------------------------------
// --baseline

namespace {

class BaselineTest : public ll::test::TempTree {
protected:
  BaselineTest() : TempTree("baseline") {}

  std::optional<Baseline> read(const std::string& rel, std::string& error) { return readBaseline(path(rel), error); }

  /// The SARIF of `run`, written as a baseline file `rel`.
  void writeLog(const std::string& rel, const RunResult& run) {
    std::ostringstream os;
    writeSarif(os, run, options(root_));
    file(rel, os.str());
  }
};

} // namespace

TEST_F(BaselineTest, BadBaselinesSayWhy) {
  std::string error;
  EXPECT_FALSE(read("missing.sarif", error));
  EXPECT_EQ(error, "cannot read baseline " + path("missing.sarif") + ": No such file or directory");
  dir("folder.sarif");
  EXPECT_FALSE(read("folder.sarif", error));
  EXPECT_EQ(error, "cannot read baseline " + path("folder.sarif") + ": it is a directory");
  file("text.sarif", "lambda-lint found 3 findings\n");
  EXPECT_FALSE(read("text.sarif", error));
  EXPECT_EQ(error.rfind("baseline " + path("text.sarif") + " is not JSON: parse error at line 1, column 1", 0), 0u) << error;
  file("obj.sarif", "{\"findings\": []}");
  EXPECT_FALSE(read("obj.sarif", error));
  EXPECT_EQ(error, "baseline " + path("obj.sarif") + " is not a SARIF log (it has no \"runs\" array); make one with --format sarif");
  file("v1.sarif", "{\"version\": \"1.0.0\", \"runs\": []}");
  EXPECT_FALSE(read("v1.sarif", error));
  EXPECT_EQ(error, "baseline " + path("v1.sarif") + " is not SARIF 2.1.0 (version \"1.0.0\")");
  file("other.sarif", R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "semgrep"}}, "results": []}]})");
  EXPECT_FALSE(read("other.sarif", error));
  EXPECT_EQ(error, "baseline " + path("other.sarif") + " has no lambda-lint run (its runs are from semgrep)");
  file("nofp.sarif", R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lambda-lint"}},
                         "results": [{"ruleId": "client-in-handler", "message": {"text": "m."}}]}]})");
  EXPECT_FALSE(read("nofp.sarif", error));
  EXPECT_EQ(error, "baseline " + path("nofp.sarif") + ": none of its results has a rule id and a \"lambdaLint/v1\" fingerprint to match findings by");

  // An empty lambda-lint run is a good baseline: it hides nothing.
  file("empty.sarif", R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lambda-lint"}}, "results": []}]})");
  auto empty = read("empty.sarif", error);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->entries.empty());
}

TEST_F(BaselineTest, MatchesByRuleAndFingerprintAsAMultiset) {
  // Two identical client creations, and a connection.
  std::string before = std::string(kHandler) + "def other(event, context):\n    a = boto3.client(\"s3\")\n    return a\n";
  file("app.py", before);
  auto a = std::make_shared<SourceFile>(path("app.py"), before);
  RunResult base;
  base.findings = {finding(a, "boto3.client(\"s3\")"), finding(a, "boto3.client(\"s3\")", Level::Warning, "client-in-handler", 80)};
  ASSERT_NE(base.findings[0].range, base.findings[1].range);
  writeLog("baseline.sarif", base);
  std::string error;
  auto b = read("baseline.sarif", error);
  ASSERT_TRUE(b) << error;
  ASSERT_EQ(b->entries.size(), 1u);
  EXPECT_EQ(b->entries.begin()->second, 2u);

  // Later: lines inserted above, the code re-indented, a third identical creation, and a finding
  // of another rule on the same text.
  std::string after = "# comment\nimport os\n\n" + before + "def third(event, context):\n        b = boto3.client(\"s3\")\n";
  auto c = std::make_shared<SourceFile>(path("app.py"), after);
  RunResult now;
  now.findings = {finding(c, "boto3.client(\"s3\")"), finding(c, "boto3.client(\"s3\")", Level::Warning, "client-in-handler", 100),
                  finding(c, "boto3.client(\"s3\")", Level::Warning, "client-in-handler", 200),
                  finding(c, "boto3.client(\"s3\")", Level::Warning, "connection-in-handler")};
  applyBaseline(now, *b, root_);
  ASSERT_TRUE(now.baseline);
  EXPECT_EQ(now.baseline->hidden, 2u);
  EXPECT_EQ(now.baseline->absent, 0u);
  ASSERT_EQ(now.findings.size(), 2u);
  // The first two in file order are the baseline's; the third is new.
  EXPECT_EQ(c->position(now.findings[0].range.begin).line, 13u);
  EXPECT_EQ(now.findings[1].rule, "connection-in-handler");

  // Fixed since: the baseline results left over are counted as absent.
  RunResult fixed;
  fixed.findings = {finding(c, "boto3.client(\"s3\")")};
  applyBaseline(fixed, *b, root_);
  EXPECT_TRUE(fixed.findings.empty());
  EXPECT_EQ(fixed.baseline->hidden, 1u);
  EXPECT_EQ(fixed.baseline->absent, 1u);
}

TEST_F(BaselineTest, PathsAreRelativeToTheProjectRoot) {
  // The same file, spelled from another working directory: the fingerprint is the same as
  // long as the root is.
  file("svc/app.py", kHandler);
  auto abs = std::make_shared<SourceFile>(path("svc/app.py"), kHandler);
  auto dotted = std::make_shared<SourceFile>(path("svc/../svc/./app.py"), kHandler);
  EXPECT_EQ(fingerprint(finding(abs, "boto3.client(\"s3\")"), root_),
            fingerprint(finding(dotted, "boto3.client(\"s3\")"), root_));
  EXPECT_EQ(fingerprintPath(path("svc/app.py"), root_), "svc/app.py");
  EXPECT_EQ(fingerprintPath("/elsewhere/app.py", root_), "/elsewhere/app.py");
  // Another root gives another path, so another fingerprint.
  EXPECT_NE(fingerprint(finding(abs, "boto3.client(\"s3\")"), root_),
            fingerprint(finding(abs, "boto3.client(\"s3\")"), path("svc")));
}

TEST_F(BaselineTest, ResultsWithoutFingerprintsAreReported) {
  file("mixed.sarif", R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lambda-lint",
      "rules": [{"id": "client-in-handler"}]}}, "results": [
      {"ruleIndex": 0, "message": {"text": "m."}, "partialFingerprints": {"lambdaLint/v1": "00000000000000aa"}},
      {"rule": {"id": "client-in-handler"}, "message": {"text": "m."}, "partialFingerprints": {"lambdaLint/v1": "00000000000000aa"}},
      {"ruleId": "client-in-handler", "message": {"text": "m."}}]}]})");
  std::string error;
  auto b = read("mixed.sarif", error);
  ASSERT_TRUE(b) << error;
  EXPECT_EQ(b->results, 3u);
  EXPECT_EQ(b->unmatchable, 1u);
  EXPECT_EQ((b->entries.at({"client-in-handler", "00000000000000aa"})), 2u);
  RunResult run;
  applyBaseline(run, *b, root_);
  ASSERT_EQ(run.notices.size(), 1u);
  EXPECT_EQ(run.notices[0].level, Level::Warning);
  EXPECT_EQ(run.notices[0].message, "1 of the baseline's 3 results have no rule id or \"lambdaLint/v1\" fingerprint and hide nothing");
  EXPECT_EQ(run.baseline->absent, 2u);
}

TEST_F(BaselineTest, OutputsSayWhatTheBaselineHid) {
  auto a = std::make_shared<SourceFile>(path("app.py"), kHandler);
  RunResult run;
  run.filesAnalyzed = 1;
  run.findings = {finding(a, "boto3.client(\"s3\")")};
  run.baseline = RunResult::BaselineUse{path("base.sarif"), 3, 1};

  json s = sarifOf(run, options(root_));
  const json& r = s["runs"][0];
  EXPECT_EQ(r["results"][0]["baselineState"], "new");
  EXPECT_EQ(r["properties"]["baseline"],
            (json{{"location", {{"uri", "base.sarif"}, {"uriBaseId", "%SRCROOT%"}}}, {"hidden", 3}, {"absent", 1}}));
  EXPECT_EQ(notificationTexts(s),
            (std::vector<std::string>{"3 findings are in the baseline " + path("base.sarif") +
                                      " and left out; 1 of its results matched no finding."}));

  std::ostringstream js;
  writeJson(js, run, {});
  EXPECT_EQ(json::parse(js.str())["summary"]["baseline"],
            (json{{"path", path("base.sarif")}, {"hidden", 3}, {"absent", 1}}));

  std::ostringstream text;
  writeText(text, run, {});
  EXPECT_NE(text.str().find("Found 1 new finding in 1 file; the baseline hid 3 (1 of its findings is gone).\n"),
            std::string::npos)
      << text.str();
  run.findings.clear();
  run.baseline->absent = 0;
  std::ostringstream none;
  writeText(none, run, {});
  EXPECT_NE(none.str().find("No new findings in 1 file; the baseline hid 3.\n"), std::string::npos) << none.str();
}

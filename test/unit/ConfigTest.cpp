// .lambda-lint.yaml: path patterns, parsing and errors, and how files resolve to profiles.
#include "config/Config.h"
#include "TempTree.h"

#include "core/Glob.h"
#include "tool/Discovery.h"
#include "tool/Options.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

using namespace ll;
namespace fs = std::filesystem;

namespace {

TEST(PathGlob, SegmentsStarsAndDirectories) {
  EXPECT_TRUE(pathGlobMatch("*.py", "app.py", false));
  EXPECT_TRUE(pathGlobMatch("*.py", "a/b/app.py", false)); // no '/': any depth
  EXPECT_FALSE(pathGlobMatch("*.py", "app.pyc", false));
  EXPECT_TRUE(pathGlobMatch("src/*.py", "src/app.py", false));
  EXPECT_FALSE(pathGlobMatch("src/*.py", "src/sub/app.py", false)); // '*' stays in a segment
  EXPECT_FALSE(pathGlobMatch("src/*.py", "lib/src/app.py", false)); // a '/' anchors
  EXPECT_TRUE(pathGlobMatch("src/**/*.py", "src/app.py", false));
  EXPECT_TRUE(pathGlobMatch("src/**/*.py", "src/a/b/app.py", false));
  EXPECT_TRUE(pathGlobMatch("**/test_*.py", "a/test_x.py", false));
  EXPECT_TRUE(pathGlobMatch("a?.py", "ab.py", false));
  EXPECT_FALSE(pathGlobMatch("a?.py", "a/.py", false));
  // A directory pattern covers what is inside; a trailing '/' wants a directory.
  EXPECT_TRUE(pathGlobMatch("generated", "generated/x.py", false));
  EXPECT_TRUE(pathGlobMatch("generated/", "generated", true));
  EXPECT_FALSE(pathGlobMatch("generated/", "generated", false));
  EXPECT_TRUE(pathGlobMatch("generated/", "a/generated/x.py", false));
  EXPECT_TRUE(pathGlobMatch("/generated", "generated/x.py", false));
  EXPECT_FALSE(pathGlobMatch("/generated", "a/generated/x.py", false));
  EXPECT_TRUE(pathGlobMatch("legacy/**", "legacy/a/b.py", false));
  EXPECT_EQ(pathGlobError("a/**/b"), nullptr);
  EXPECT_NE(pathGlobError("a**"), nullptr);
  EXPECT_NE(pathGlobError("../x"), nullptr);
  EXPECT_NE(pathGlobError(""), nullptr);
}

TEST(ConfigParse, ReadsEveryKey) {
  const ConfigFile c = ConfigFile::parse(R"(
select: [client-in-handler, "package-*"]
ignore: [heavy-init]
severity: {client-in-handler: error}
exclude: [generated/]
per-path-ignores: {"tests/**": [client-in-handler]}
handlers: {names: ["handle_*"], functions: ["jobs/*.py:run"]}
budgets: {init-ms: 250, heavy-import-ms: 20, heavy-import-bytes: 100000, package: 70%}
catalogue:
  python:
    client: [acme.make]
  import-costs:
    python:
      acme: {import_ms: 30}
)",
                                         "/p/.lambda-lint.yaml");
  ASSERT_TRUE(c.select);
  EXPECT_EQ(*c.select, (std::vector<std::string>{"client-in-handler", "package-*"}));
  EXPECT_EQ(c.ignore, std::vector<std::string>{"heavy-init"});
  EXPECT_EQ(c.severity.at("client-in-handler"), Level::Error);
  ASSERT_EQ(c.exclude.size(), 1u);
  EXPECT_EQ(c.exclude[0].base, fs::path("/p"));
  EXPECT_TRUE(c.exclude[0].matches("/p/generated/x.py", false));
  EXPECT_FALSE(c.exclude[0].matches("/q/generated/x.py", false)); // outside its folder
  EXPECT_EQ(c.handlerNames, std::vector<std::string>{"handle_*"});
  ASSERT_EQ(c.handlerFunctions.size(), 1u);
  EXPECT_EQ(c.handlerFunctions[0].second, "run");
  EXPECT_EQ(*c.initBudgetMs, 250);
  EXPECT_EQ(*c.heavyImportMs, 20);
  EXPECT_EQ(*c.heavyImportBytes, 100000u);
  EXPECT_DOUBLE_EQ(*c.packageBudget, 0.7);
  EXPECT_NE(c.catalogue.match("python", kind::Client, "acme.make"), nullptr);
  ASSERT_NE(c.importCosts.lookup("python", "acme"), nullptr);
  EXPECT_EQ(c.importCosts.lookup("python", "acme")->ms, 30);
}

std::string parseError(const std::string& yaml) {
  try {
    (void)ConfigFile::parse(yaml, "c.yaml");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(ConfigParse, ErrorsNameTheLineAndColumn) {
  EXPECT_EQ(parseError("ignore: [heavy-init]\nbudget: {}\n"),
            "c.yaml:2:1: unknown key 'budget' in the configuration (did you mean 'budgets'?); known "
            "keys: inherit, select, ignore, severity, exclude, per-path-ignores, handlers, budgets, "
            "catalogue");
  EXPECT_EQ(parseError("budgets:\n  init_ms: 3\n"),
            "c.yaml:2:3: unknown key 'init_ms' in 'budgets' (did you mean 'init-ms'?); known keys: "
            "init-ms, heavy-import-ms, heavy-import-bytes, package");
  EXPECT_EQ(parseError("select: client-in-handler\n"), "c.yaml:1:9: 'select' is a list");
  EXPECT_EQ(parseError("inherit: yes-please\n"), "c.yaml:1:10: 'inherit' is true or false");
  EXPECT_EQ(parseError("budgets: {init-ms: -4}\n"),
            "c.yaml:1:20: 'init-ms' is a non-negative number, got '-4'");
  EXPECT_EQ(parseError("per-path-ignores: {\"x/**\": [nope]}\n"),
            "c.yaml:1:29: unknown rule 'nope' (see lambda-lint --list-rules)");
  EXPECT_EQ(parseError(""), "");
  EXPECT_EQ(parseError("# only a comment\n"), "");
}

class ConfigurationTest : public test::TempTree {
protected:
  ConfigurationTest() : TempTree("config") {}
};

TEST_F(ConfigurationTest, NearestFileWinsAndInheritMerges) {
  file("a/.lambda-lint.yaml", "ignore: [heavy-init]\nseverity: {client-in-handler: error}\n");
  file("a/b/.lambda-lint.yaml", "ignore: [client-in-handler]\n");
  file("a/b/c/.lambda-lint.yaml", "inherit: true\nseverity: {client-in-handler: note}\n");
  Options o;
  const Configuration config(configRequest(o), nullptr);
  auto runs = [](const Profile& p, std::string_view id) {
    return std::any_of(p.checks.begin(), p.checks.end(), [&](const Check* c) { return c->info().id == id; });
  };
  const Profile& a = config.forPath(path("a/x.py"));
  EXPECT_FALSE(runs(a, "heavy-init"));
  EXPECT_TRUE(runs(a, "client-in-handler"));
  const Profile& b = config.forPath(path("a/b/x.py"));
  EXPECT_TRUE(runs(b, "heavy-init")); // not inherited
  EXPECT_FALSE(runs(b, "client-in-handler"));
  const Profile& c = config.forPath(path("a/b/c/d/x.py"));
  EXPECT_FALSE(runs(c, "client-in-handler")); // from b, inherited
  EXPECT_EQ(c.severity.at("client-in-handler"), Level::Note);
  const Profile& none = config.forPath(path("x.py"));
  EXPECT_TRUE(none.configPath.empty());
  EXPECT_TRUE(config.errors().empty());
  // The same file resolves to the same profile (loaded once).
  EXPECT_EQ(&config.forPath(path("a/y.py")), &a);
}

TEST_F(ConfigurationTest, ExcludesPruneDiscovery) {
  file(".lambda-lint.yaml", "exclude: [gen/, \"*_test.py\"]\n");
  file("app.py", "x = 1\n");
  file("app_test.py", "x = 1\n");
  file("gen/stub.py", "x = 1\n");
  file("sub/.lambda-lint.yaml", "exclude: [keep.py]\n"); // not inherited: gen/ is not excluded here
  file("sub/gen/stub.py", "x = 1\n");
  file("sub/keep.py", "x = 1\n");
  Options o;
  const Configuration config(configRequest(o), nullptr);
  const DiscoveryResult r = discoverFiles({root_, path("app_test.py")}, [&](const std::string& p, bool dir) {
    return config.excluded(p, dir);
  });
  std::vector<std::string> found;
  for (const auto& f : r.files) found.push_back(fs::path(f.path).lexically_relative(root_).generic_string());
  EXPECT_EQ(found, (std::vector<std::string>{"app.py", "sub/gen/stub.py"}));
}

TEST_F(ConfigurationTest, BrokenFileIsAnErrorAndTheCommandLineWins) {
  file("bad/.lambda-lint.yaml", "select: [nope]\n");
  file("ok/.lambda-lint.yaml", "budgets: {init-ms: 100, package: 0.5}\n");
  Options o;
  o.given = {"--init-budget-ms"};
  o.initCost.initBudgetMs = 900;
  const Configuration config(configRequest(o), nullptr);
  (void)config.forPath(path("bad/x.py"));
  ASSERT_EQ(config.errors().size(), 1u);
  EXPECT_NE(config.errors()[0].find("unknown rule 'nope'"), std::string::npos);
  const Profile& ok = config.forPath(path("ok/x.py"));
  EXPECT_EQ(ok.initCost.initBudgetMs, 900);
  EXPECT_DOUBLE_EQ(ok.packageBudget, 0.5);
}

} // namespace

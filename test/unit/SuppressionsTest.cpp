// Inline suppressions (core/Suppressions.h): parsing `lambda-lint: ignore[...]` and clang-tidy's
// NOLINT family, which findings a directive covers, what is reported as unused and the fixes
// that remove it; and the comments each frontend collects for them.
#include "core/Suppressions.h"
#include "frontends/Registry.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace ll;

namespace {

std::vector<Directive> parse(std::string_view comment, bool noLint = false, uint32_t offset = 0) {
  return parseDirectives(comment, offset, noLint);
}

std::vector<std::string> names(const Directive& d) {
  std::vector<std::string> out;
  for (const DirectiveItem& i : d.items) out.push_back(i.name);
  return out;
}

std::string_view textOf(std::string_view comment, ByteRange r, uint32_t offset = 0) {
  return comment.substr(r.begin - offset, r.end - r.begin);
}

// ---- parsing ------------------------------------------------------------------------------

TEST(SuppressionParse, IgnoreWithRuleList) {
  const std::string_view c = "# lambda-lint: ignore[client-in-handler, connection-in-handler]";
  auto ds = parse(c, false, 100);
  ASSERT_EQ(ds.size(), 1u);
  const Directive& d = ds[0];
  EXPECT_EQ(d.kind, DirectiveKind::Ignore);
  EXPECT_TRUE(d.hasList);
  EXPECT_TRUE(d.error.empty());
  EXPECT_EQ(names(d), (std::vector<std::string>{"client-in-handler", "connection-in-handler"}));
  EXPECT_EQ(textOf(c, d.range, 100), "lambda-lint: ignore[client-in-handler, connection-in-handler]");
  EXPECT_EQ(textOf(c, d.items[1].range, 100), "connection-in-handler");
  EXPECT_EQ(textOf(c, d.list, 100), "client-in-handler, connection-in-handler");
}

TEST(SuppressionParse, ToleratesSpacingAndCase) {
  for (std::string_view c : {"#lambda-lint:ignore[client-in-handler]", "# lambda-lint : ignore [ client-in-handler ]",
                             "// LAMBDA-LINT: Ignore[client-in-handler,]", "/*lambda-lint:\tignore[client-in-handler]*/"}) {
    auto ds = parse(c);
    ASSERT_EQ(ds.size(), 1u) << c;
    EXPECT_TRUE(ds[0].error.empty()) << c << ": " << ds[0].error;
    EXPECT_EQ(names(ds[0]), std::vector<std::string>{"client-in-handler"}) << c;
  }
}

TEST(SuppressionParse, BareIgnoreMayBeFollowedByAReason) {
  for (std::string_view c : {"# lambda-lint: ignore", "# lambda-lint: ignore  -- intentional, see #12",
                             "/* lambda-lint: ignore */"}) {
    auto ds = parse(c);
    ASSERT_EQ(ds.size(), 1u) << c;
    EXPECT_FALSE(ds[0].hasList) << c;
    EXPECT_TRUE(ds[0].error.empty()) << c << ": " << ds[0].error;
    EXPECT_EQ(textOf(c, ds[0].range), "lambda-lint: ignore") << c;
  }
}

TEST(SuppressionParse, ProseIsNoDirective) {
  for (std::string_view c : {"# checked by lambda-lint: the client is hoisted", "# my-lambda-lint: ignore[x]",
                             "# lambda-linter: ignore[x]", "# lambda-lint: ignored on purpose",
                             "# see lambda-lint", "# run lambda-lint with [options]",
                             "// NOLINT(lambda-client-in-handler)"}) {
    EXPECT_TRUE(parse(c).empty()) << c;
  }
}

TEST(SuppressionParse, MalformedDirectivesSayWhatIsWrong) {
  struct Case {
    std::string_view comment;
    std::string_view error;
  };
  for (const Case& k : {Case{"# lambda-lint: ignore[client-in-handler", "no closing `]`"},
                        Case{"/* lambda-lint: ignore[client-in-handler */", "no closing `]`"},
                        Case{"# lambda-lint: ignore[]", "names no rule"},
                        Case{"# lambda-lint: ignore[ , ]", "names no rule"},
                        Case{"# lambda-lint: ignore client-in-handler", "brackets"},
                        Case{"# lambda-lint: ignore: client-in-handler", "brackets"},
                        Case{"# lambda-lint ignore[client-in-handler]", "expected `:`"},
                        Case{"# lambda-lint: disable[client-in-handler]", "unknown directive `disable`"},
                        Case{"# lambda-lint: ignore[client in handler]", "not a rule id"}}) {
    auto ds = parse(k.comment);
    ASSERT_EQ(ds.size(), 1u) << k.comment;
    EXPECT_NE(ds[0].error.find(k.error), std::string::npos) << k.comment << ": " << ds[0].error;
  }
  // The range of an unclosed directive stops before the end of a block comment.
  const std::string_view c = "/* lambda-lint: ignore[a */";
  EXPECT_EQ(textOf(c, parse(c)[0].range), "lambda-lint: ignore[a");
}

TEST(SuppressionParse, SeveralDirectivesInOneComment) {
  const std::string_view c = "# lambda-lint: ignore[a] and lambda-lint: ignore[b, c]";
  auto ds = parse(c);
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(names(ds[0]), std::vector<std::string>{"a"});
  EXPECT_EQ(names(ds[1]), (std::vector<std::string>{"b", "c"}));
}

TEST(SuppressionParse, NoLintAsClangTidyReadsIt) {
  auto kinds = [](std::string_view c) {
    std::vector<DirectiveKind> out;
    for (const Directive& d : parse(c, true)) out.push_back(d.kind);
    return out;
  };
  EXPECT_EQ(kinds("// NOLINT"), std::vector<DirectiveKind>{DirectiveKind::NoLint});
  EXPECT_EQ(kinds("// NOLINTNEXTLINE(lambda-client-in-handler)"), std::vector<DirectiveKind>{DirectiveKind::NoLintNextLine});
  EXPECT_EQ(kinds("// NOLINTBEGIN"), std::vector<DirectiveKind>{DirectiveKind::NoLintBegin});
  EXPECT_EQ(kinds("// NOLINTEND(lambda-*)"), std::vector<DirectiveKind>{DirectiveKind::NoLintEnd});
  EXPECT_TRUE(kinds("// NOLINTX NOLINTNEXT").empty());
  EXPECT_TRUE(parse("// NOLINT").empty()); // not in Python or JavaScript

  const std::string_view c = "// NOLINT( lambda-client-in-handler ,bugprone-foo) and more";
  auto ds = parse(c, true);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_TRUE(ds[0].hasList);
  EXPECT_EQ(names(ds[0]), (std::vector<std::string>{"lambda-client-in-handler", "bugprone-foo"}));
  EXPECT_EQ(textOf(c, ds[0].range), "NOLINT( lambda-client-in-handler ,bugprone-foo)");

  // clang-tidy reads an unclosed list as a bare NOLINT: so does lambda-lint, and says so.
  auto unclosed = parse("// NOLINT(lambda-client-in-handler", true);
  ASSERT_EQ(unclosed.size(), 1u);
  EXPECT_FALSE(unclosed[0].hasList);
  EXPECT_NE(unclosed[0].error.find("no closing `)`"), std::string::npos);
  // Both kinds in one comment.
  EXPECT_EQ(parse("// NOLINT(bugprone-foo) lambda-lint: ignore[a]", true).size(), 2u);
}

// ---- applying -----------------------------------------------------------------------------

/// A module over `text` whose comments are its `#` and `//` line comments and `/* */` block
/// comments (no strings in these tests), so NOLINT can be tested without Clang.
Module moduleOf(std::string text, Language language = Language::Python) {
  Module m;
  m.language = language;
  m.file = std::make_shared<SourceFile>("t", std::move(text));
  const std::string& s = m.file->text();
  for (size_t i = 0; i < s.size(); ++i) {
    size_t end = std::string::npos;
    if (s[i] == '#' || s.compare(i, 2, "//") == 0) end = std::min(s.find('\n', i), s.size());
    else if (s.compare(i, 2, "/*") == 0) end = s.find("*/", i + 2) + 2;
    if (end == std::string::npos) continue;
    const ByteRange r{static_cast<uint32_t>(i), static_cast<uint32_t>(end)};
    m.comments.push_back({r, m.file->aloneOnLines(r)});
    i = end;
  }
  return m;
}

Finding at(const Module& m, std::string rule, uint32_t line, uint32_t column = 1) {
  Finding f;
  f.rule = std::move(rule);
  f.file = m.file;
  const uint32_t offset = m.file->offset({line, column});
  f.range = {offset, offset + 1};
  return f;
}

SuppressionRules allRan(std::vector<std::string> ran = {"client-in-handler", "connection-in-handler",
                                                        "heavy-init", "unused-suppression"}) {
  SuppressionRules r;
  r.sourceRules = {"client-in-handler", "connection-in-handler", "heavy-init", "unused-suppression"};
  r.packageRules = {"package-too-large"};
  r.ran = std::move(ran);
  r.everyApplicableRuleRan = r.ran.size() == r.sourceRules.size();
  return r;
}

SuppressionOptions reporting(bool noLint = false) {
  SuppressionOptions o;
  o.reportUnused = true;
  o.noLint = noLint;
  return o;
}

/// The lines of the findings left.
std::vector<uint32_t> lines(const Module& m, const std::vector<Finding>& fs) {
  std::vector<uint32_t> out;
  for (const Finding& f : fs) out.push_back(m.file->position(f.range.begin).line);
  return out;
}

std::vector<std::string> messages(const SuppressionResult& r) {
  std::vector<std::string> out;
  for (const SuppressionProblem& p : r.problems) out.push_back(p.message);
  return out;
}

/// The text after every problem's fix.
std::string fixed(const Module& m, const SuppressionResult& r) {
  std::vector<Edit> edits;
  for (const SuppressionProblem& p : r.problems) edits.insert(edits.end(), p.edits.begin(), p.edits.end());
  std::ranges::sort(edits, [](const Edit& a, const Edit& b) { return a.range.begin > b.range.begin; });
  std::string text = m.file->text();
  for (const Edit& e : edits) text.replace(e.range.begin, e.range.end - e.range.begin, e.text);
  return text;
}

TEST(SuppressionApply, TrailingCoversItsLineOwnLineTheNextCodeLine) {
  const Module m = moduleOf(
      "a = f()  # lambda-lint: ignore[client-in-handler]\n" // 1
      "b = f()\n"                                          // 2
      "# lambda-lint: ignore[client-in-handler]\n"         // 3
      "\n"                                                 // 4
      "# why: it is created once per container anyway\n"   // 5
      "c = f()\n"                                          // 6
      "d = f()\n");                                        // 7
  std::vector<Finding> fs;
  for (uint32_t l : {1u, 2u, 6u, 7u}) fs.push_back(at(m, "client-in-handler", l, 5));
  fs.push_back(at(m, "connection-in-handler", 1, 5));
  const SuppressionResult r = applySuppressions(m, fs, allRan(), reporting());
  EXPECT_EQ(r.suppressed, 2u);
  EXPECT_EQ(lines(m, fs), (std::vector<uint32_t>{2, 7, 1}));
  EXPECT_TRUE(r.problems.empty()) << messages(r).front();
}

TEST(SuppressionApply, BareSuppressesEveryRuleButUnusedSuppression) {
  const Module m = moduleOf("a = f()  # lambda-lint: ignore\nb = 1\n");
  std::vector<Finding> fs{at(m, "client-in-handler", 1), at(m, "heavy-init", 1), at(m, "client-in-handler", 2)};
  const SuppressionResult r = applySuppressions(m, fs, allRan(), reporting());
  EXPECT_EQ(lines(m, fs), std::vector<uint32_t>{2});
  EXPECT_TRUE(r.problems.empty());
}

TEST(SuppressionApply, PackageFindingsAreNotSuppressedInline) {
  const Module m = moduleOf("x = 1  # lambda-lint: ignore\n");
  std::vector<Finding> fs{at(m, "package-too-large", 1)};
  fs[0].wholeArtifact = true;
  applySuppressions(m, fs, allRan(), reporting());
  EXPECT_EQ(fs.size(), 1u);
}

TEST(SuppressionApply, ReportsUnusedUnknownDuplicatedAndPackageIds) {
  const Module m = moduleOf(
      "a = f()  # lambda-lint: ignore[client-in-handler, connection-in-handler]\n"
      "b = 1  # lambda-lint: ignore[clinet-in-handler]\n"
      "c = f()  # lambda-lint: ignore[client-in-handler, client-in-handler]\n"
      "d = 1  # lambda-lint: ignore[package-too-large]\n"
      "e = 1  # lambda-lint: ignore\n"
      "# lambda-lint: ignore[heavy-init]\n");
  std::vector<Finding> fs{at(m, "client-in-handler", 1), at(m, "client-in-handler", 3)};
  const SuppressionResult r = applySuppressions(m, fs, allRan(), reporting());
  EXPECT_TRUE(fs.empty());
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "unused suppression: `connection-in-handler` suppresses nothing on line 1",
                             "unused suppression: `clinet-in-handler` is not a lambda-lint rule (did you mean `client-in-handler`?)",
                             "unused suppression: `client-in-handler` is listed twice",
                             "unused suppression: `package-too-large` reports deployment packages, which inline suppressions do not cover",
                             "unused suppression: it suppresses nothing on line 5",
                             "unused suppression: `heavy-init` suppresses nothing (there is no code after it)"}));
  EXPECT_EQ(fixed(m, r), "a = f()  # lambda-lint: ignore[client-in-handler]\n"
                         "b = 1\n"
                         "c = f()  # lambda-lint: ignore[client-in-handler]\n"
                         "d = 1\n"
                         "e = 1\n");
  EXPECT_EQ(r.problems[0].fixDescription, "Remove `connection-in-handler` from the suppression");
  EXPECT_EQ(r.problems[1].fixDescription, "Remove the unused suppression");
}

TEST(SuppressionApply, RulesThatDidNotRunAreNotCalledUnused) {
  const Module m = moduleOf("a = 1  # lambda-lint: ignore[connection-in-handler, clinet]\nb = 1  # lambda-lint: ignore\n");
  std::vector<Finding> fs;
  const SuppressionResult r = applySuppressions(m, fs, allRan({"client-in-handler", "unused-suppression"}), reporting());
  // Unknown ids are known to be useless whatever ran; a bare ignore is judged only when every
  // applicable rule ran.
  EXPECT_EQ(messages(r), std::vector<std::string>{"unused suppression: `clinet` is not a lambda-lint rule"});
  EXPECT_EQ(fixed(m, r), "a = 1  # lambda-lint: ignore[connection-in-handler]\nb = 1  # lambda-lint: ignore\n");
}

TEST(SuppressionApply, IncompleteFindingsReportNoUnusedIds) {
  const Module m = moduleOf("a = 1  # lambda-lint: ignore[client-in-handler, nope]\n");
  std::vector<Finding> fs;
  SuppressionOptions o = reporting();
  o.findingsComplete = false;
  EXPECT_EQ(messages(applySuppressions(m, fs, allRan(), o)),
            std::vector<std::string>{"unused suppression: `nope` is not a lambda-lint rule"});
}

TEST(SuppressionApply, OnlyMalformedDirectivesWhenUnusedSuppressionDoesNotRun) {
  const Module m = moduleOf("a = f()  # lambda-lint: ignore[client-in-handler\nb = 1  # lambda-lint: ignore[nope]\n");
  std::vector<Finding> fs{at(m, "client-in-handler", 1)};
  SuppressionOptions o;
  const SuppressionResult r = applySuppressions(m, fs, allRan({"client-in-handler"}), o);
  EXPECT_EQ(fs.size(), 1u); // a malformed directive suppresses nothing
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_TRUE(r.problems[0].malformed);
  EXPECT_TRUE(r.problems[0].edits.empty());
  EXPECT_EQ(r.problems[0].message,
            "malformed suppression `lambda-lint: ignore[client-in-handler`: has no closing `]`; it suppresses nothing");
}

TEST(SuppressionApply, NamingUnusedSuppressionKeepsASuppression) {
  const Module m = moduleOf(
      "a = 1  # lambda-lint: ignore[heavy-init, unused-suppression]\n"
      "# lambda-lint: ignore[unused-suppression]\n"
      "b = 1  # lambda-lint: ignore[client-in-handler]\n"
      "c = 1  # lambda-lint: ignore[client-in-handler]  # lambda-lint: ignore\n");
  std::vector<Finding> fs;
  const SuppressionResult r = applySuppressions(m, fs, allRan(), reporting());
  // Line 1 keeps itself, line 2 covers line 3's directive; a bare ignore does not cover
  // unused-suppression, and an unused one is reported itself.
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "unused suppression: `client-in-handler` suppresses nothing on line 4",
                             "unused suppression: it suppresses nothing on line 4"}));
}

TEST(SuppressionApply, FixesKeepTheRestOfTheComment) {
  const Module m = moduleOf(
      "a = 1  # noqa: E501  lambda-lint: ignore[heavy-init]\n"
      "b = 1  # lambda-lint: ignore[heavy-init]; created per request on purpose\n"
      "c = 1  # type: ignore # lambda-lint: ignore[heavy-init]\n"
      "    # lambda-lint: ignore[heavy-init]\n"
      "d = 1\n");
  std::vector<Finding> fs;
  const SuppressionResult r = applySuppressions(m, fs, allRan(), reporting());
  EXPECT_EQ(fixed(m, r), "a = 1  # noqa: E501\n"
                         "b = 1  # created per request on purpose\n"
                         "c = 1  # type: ignore\n"
                         "d = 1\n");
}

TEST(SuppressionApply, NoLintFollowsClangTidy) {
  const Module m = moduleOf(
      "int a; // NOLINT\n"                                        // 1
      "int b; // NOLINT(lambda-client-in-handler)\n"              // 2
      "int c; // NOLINT(bugprone-foo)\n"                          // 3
      "int d; // NOLINT(lambda-*)\n"                              // 4
      "int e; // NOLINT(-lambda-client-in-handler)\n"             // 5
      "// NOLINTNEXTLINE(lambda-client-in-handler)\n"             // 6
      "\n"                                                        // 7: literally the next line
      "int f;\n"                                                  // 8
      "// NOLINTBEGIN(lambda-client-in-handler)\n"                // 9
      "int g;\n"                                                  // 10
      "// NOLINTEND(lambda-client-in-handler)\n"                  // 11
      "int h;\n",                                                 // 12
      Language::Cpp);
  std::vector<Finding> fs;
  for (uint32_t l = 1; l <= 12; ++l)
    if (!m.file->lineText(l).starts_with("//") && !m.file->lineText(l).empty()) fs.push_back(at(m, "client-in-handler", l, 5));
  const SuppressionResult r = applySuppressions(m, fs, allRan(), reporting(true));
  EXPECT_EQ(lines(m, fs), (std::vector<uint32_t>{3, 5, 8, 12}));
  EXPECT_EQ(messages(r), std::vector<std::string>{"unused suppression: `lambda-client-in-handler` suppresses nothing on line 7"});
  EXPECT_EQ(fixed(m, r).find("NOLINTNEXTLINE"), std::string::npos);

  // The clang-tidy plugin leaves NOLINT to clang-tidy.
  std::vector<Finding> again{at(m, "client-in-handler", 1, 5)};
  applySuppressions(m, again, allRan(), SuppressionOptions{});
  EXPECT_EQ(again.size(), 1u);
}

TEST(SuppressionApply, NoLintReportsOnlyWhatIsLambdaLints) {
  const Module m = moduleOf(
      "int a; // NOLINT\n"
      "int b; // NOLINT(bugprone-foo, *-in-handler)\n"
      "int c; // NOLINT(lambda-client-in-handler, bugprone-foo)\n"
      "int d; // NOLINT(lambda-clinet-in-handler)\n"
      "int e; // NOLINT(lambda-nope-*)\n"
      "int f; // NOLINT(lambda-*) because\n"
      "int g; // NOLINT(lambda-unused-suppression, lambda-heavy-init)\n",
      Language::Cpp);
  std::vector<Finding> fs;
  const SuppressionResult r = applySuppressions(m, fs, allRan(), reporting(true));
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "unused suppression: `lambda-client-in-handler` suppresses nothing on line 3",
                             "unused suppression: `lambda-clinet-in-handler` is not a lambda-lint rule (did you mean `lambda-client-in-handler`?)",
                             "unused suppression: `lambda-nope-*` matches no lambda-lint rule",
                             "unused suppression: `lambda-*` suppresses nothing on line 6"}));
  EXPECT_EQ(fixed(m, r), "int a; // NOLINT\n"
                         "int b; // NOLINT(bugprone-foo, *-in-handler)\n"
                         "int c; // NOLINT(bugprone-foo)\n"
                         "int d;\n"
                         "int e;\n"
                         "int f; // because\n"
                         "int g; // NOLINT(lambda-unused-suppression, lambda-heavy-init)\n");
}

TEST(SuppressionApply, NoLintBlocksPairAndFixTogether) {
  const Module m = moduleOf(
      "// NOLINTBEGIN(lambda-client-in-handler, lambda-heavy-init)\n"
      "int a;\n"
      "// NOLINTEND(lambda-client-in-handler,lambda-heavy-init)\n"
      "// NOLINTBEGIN(lambda-heavy-init)\n"
      "int b;\n"
      "// NOLINTEND(lambda-client-in-handler)\n",
      Language::Cpp);
  std::vector<Finding> fs{at(m, "client-in-handler", 2, 5), at(m, "client-in-handler", 5, 5)};
  const SuppressionResult r = applySuppressions(m, fs, allRan(), reporting(true));
  EXPECT_EQ(lines(m, fs), std::vector<uint32_t>{5}); // an unmatched BEGIN suppresses nothing
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "unused suppression: `lambda-heavy-init` suppresses nothing between lines 1 and 3",
                             "unmatched `NOLINTBEGIN(lambda-heavy-init)`: no NOLINTEND with the same checks follows it, so it suppresses nothing",
                             "unmatched `NOLINTEND(lambda-client-in-handler)`: no NOLINTBEGIN with the same checks comes before it"}));
  // Both ends lose the id, so they still pair.
  EXPECT_TRUE(fixed(m, r).starts_with("// NOLINTBEGIN(lambda-client-in-handler)\n"
                                      "int a;\n"
                                      "// NOLINTEND(lambda-client-in-handler)\n"))
      << fixed(m, r);
}

// ---- comments the frontends collect -------------------------------------------------------

std::vector<std::string> commentTexts(const Module& m) {
  std::vector<std::string> out;
  for (const Comment& c : m.comments) out.emplace_back(m.text(c.range));
  return out;
}

TEST(SuppressionComments, PythonCommentsNotStrings) {
  const Module m = lower(Language::Python, std::make_shared<SourceFile>("t.py",
                        "# top\n"
                        "x = '# not a comment'  # trailing\n"
                        "def f(a,  # in parameters\n"
                        "      b):\n"
                        "    return f'{a}#'  # after an f-string\n"
                        "s = '''\n# in a string\n'''\n"),
                         FrontendOptions(Catalogue::builtin()));
  EXPECT_EQ(commentTexts(m), (std::vector<std::string>{"# top", "# trailing", "# in parameters", "# after an f-string"}));
  EXPECT_TRUE(m.comments[0].ownLine);
  EXPECT_FALSE(m.comments[1].ownLine);
}

TEST(SuppressionComments, PythonLongCommentRunsTheParserDoesNotSee) {
  std::string text = "x = 1\n";
  for (int i = 0; i < 100; ++i) text += "# line " + std::to_string(i) + "\n";
  text += "s = '''\n";
  for (int i = 0; i < 100; ++i) text += "# in a string\n";
  text += "'''\n";
  const Module m = lower(Language::Python, std::make_shared<SourceFile>("t.py", text), FrontendOptions(Catalogue::builtin()));
  ASSERT_EQ(m.comments.size(), 100u);
  EXPECT_EQ(m.text(m.comments[99].range), "# line 99");
  EXPECT_TRUE(m.comments[99].ownLine);
}

TEST(SuppressionComments, JavaScriptCommentsNotStringsOrRegexes) {
  const Module m = lower(Language::Tsx, std::make_shared<SourceFile>("t.tsx",
                        "// top\n"
                        "const u = 'http://x'; /* block */\n"
                        "const r = /\\/\\/ no/;\n"
                        "const t = `a ${1 /* in a template */} // no`;\n"
                        "const el = <div>{/* in JSX */}</div>;\n"),
                         FrontendOptions(Catalogue::builtin()));
  EXPECT_EQ(commentTexts(m), (std::vector<std::string>{"// top", "/* block */", "/* in a template */", "/* in JSX */"}));
}

#ifdef LAMBDA_LINT_CPP
TEST(SuppressionComments, CppMainFileOnlyAndNotSkippedCode) {
  FrontendOptions o(Catalogue::builtin());
  o.compileArgs = {"-std=c++17", "-I" LAMBDA_LINT_CPP_STUBS};
  const Module m = lower(Language::Cpp, std::make_shared<SourceFile>("/nonexistent/lambda-lint-test/c.cpp",
                        "#include <aws/s3/S3Client.h>  // trailing\n"
                        "/* block */ int a = 1;\n"
                        "const char* s = \"// no\";\n"
                        "#if 0\n"
                        "int b; // skipped\n"
                        "#endif\n"
                        "#define M 1 // in a macro\n"),
                         o);
  EXPECT_EQ(commentTexts(m), (std::vector<std::string>{"// trailing", "/* block */", "// in a macro"}));
  EXPECT_FALSE(m.comments[1].ownLine);
}
#endif

} // namespace

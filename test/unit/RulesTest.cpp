// Rule pages: parsing of docs/rules/*.md into what --explain, --list-rules and SARIF show, and the
// enum names every output spells.
#include "core/Diagnostic.h"
#include "core/EmbeddedData.h"
#include "core/Model.h"
#include "core/RuleDocs.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace ll;

namespace {

const char* kPage = R"md(# client-in-handler

## What it does
Detects AWS SDK clients (e.g. `boto3.client("s3")` or `new S3Client({...})`) created inside a
Lambda handler. A client made at module scope is reused while the execution environment stays
warm.

A second paragraph with a [link](https://example.com/guide "Guide").

## Why is this bad?
Creating a client costs **tens of milliseconds** and _a lot_ of memory; `lambda_handler` and
snake_case_names keep their underscores, and *.py globs keep their stars. See
<https://aws.amazon.com/blogs/compute/>.

<!-- markdownlint-disable MD013 -->

## Example
```python
import boto3

## not a heading: a comment inside code
def lambda_handler(event, context):
    s3 = boto3.client("s3")  # per invocation
    return s3.list_buckets()
```

## Options
- `--handler NAME`: treat `NAME` as a handler.
* `lambda_handler` is always one.

## References
- [Best practices](https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html)
- ![diagram](img/cold-start.png)
)md";

} // namespace

TEST(Rules, EnumNames) {
  EXPECT_STREQ(levelName(Level::Note), "note");
  EXPECT_STREQ(levelName(Level::Warning), "warning");
  EXPECT_STREQ(levelName(Level::Error), "error");
  EXPECT_STREQ(applicabilityName(Applicability::Safe), "safe");
  EXPECT_STREQ(applicabilityName(Applicability::Unsafe), "unsafe");
  EXPECT_STREQ(applicabilityName(Applicability::DisplayOnly), "display-only");
}

TEST(Rules, LanguageNames) {
  EXPECT_STREQ(languageName(Language::Python), "python");
  EXPECT_STREQ(languageName(Language::JavaScript), "javascript");
  EXPECT_STREQ(languageName(Language::TypeScript), "typescript");
  EXPECT_STREQ(languageName(Language::Tsx), "tsx");
  EXPECT_STREQ(languageName(Language::Cpp), "cpp");
  EXPECT_STREQ(catalogueLanguage(Language::Python), "python");
  EXPECT_STREQ(catalogueLanguage(Language::JavaScript), "javascript");
  EXPECT_STREQ(catalogueLanguage(Language::TypeScript), "javascript");
  EXPECT_STREQ(catalogueLanguage(Language::Tsx), "javascript");
  EXPECT_STREQ(catalogueLanguage(Language::Cpp), "cpp");
}

TEST(Rules, SummaryIsFirstSentenceWithoutMarkup) {
  RuleDoc doc = parseRuleDoc(kPage);
  // "e.g." is not a sentence end, nor are periods inside inline code; the line break inside the
  // sentence becomes a space.
  EXPECT_EQ(doc.summary,
            "Detects AWS SDK clients (e.g. boto3.client(\"s3\") or new S3Client({...})) created "
            "inside a Lambda handler.");
}

TEST(Rules, SummaryStopsAtPeriodBeforeNewline) {
  RuleDoc doc = parseRuleDoc("# r\n\n## What it does\nFirst sentence `a. b` here.\nSecond one.\n");
  EXPECT_EQ(doc.summary, "First sentence a. b here.");
}

TEST(Rules, SummaryWithoutPeriodTakesTheParagraph) {
  RuleDoc doc = parseRuleDoc("# r\n\n## What it does\nNo period at all\nacross lines\n\nNext.\n");
  EXPECT_EQ(doc.summary, "No period at all across lines");
}

TEST(Rules, WhatItDoesIsThatSectionAsPlainText) {
  RuleDoc doc = parseRuleDoc(kPage);
  EXPECT_EQ(doc.whatItDoes,
            "Detects AWS SDK clients (e.g. boto3.client(\"s3\") or new S3Client({...})) created inside a "
            "Lambda handler. A client made at module scope is reused while the execution environment "
            "stays warm.\n\nA second paragraph with a link (https://example.com/guide).");
}

TEST(Rules, PlainTextDropsMarkup) {
  RuleDoc doc = parseRuleDoc(kPage);
  const std::string& t = doc.plainText;
  EXPECT_EQ(doc.markdown, kPage);
  // Headings become plain lines.
  EXPECT_EQ(t.rfind("client-in-handler\n\nWhat it does\nDetects AWS SDK clients", 0), 0u) << t;
  EXPECT_NE(t.find("\nWhy is this bad?\n"), std::string::npos);
  EXPECT_EQ(t.find("\n## "), std::string::npos);
  // Emphasis and inline code markers go; identifiers keep their underscores.
  EXPECT_NE(t.find("costs tens of milliseconds and a lot of memory; lambda_handler and\n"
                   "snake_case_names keep their underscores, and *.py globs keep their stars."),
            std::string::npos)
      << t;
  EXPECT_EQ(t.find('`'), std::string::npos);
  EXPECT_EQ(t.find("**"), std::string::npos);
  // Links read `text (url)`; autolinks are just the URL; images keep their alt text.
  EXPECT_NE(t.find("See\nhttps://aws.amazon.com/blogs/compute/."), std::string::npos) << t;
  EXPECT_NE(t.find("- Best practices (https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html)"),
            std::string::npos);
  EXPECT_NE(t.find("- diagram (img/cold-start.png)"), std::string::npos);
  // Code is kept, indented, without fences; a `##` line inside code stays code.
  EXPECT_NE(t.find("Example\n    import boto3\n\n    ## not a heading: a comment inside code\n"
                   "    def lambda_handler(event, context):\n"
                   "        s3 = boto3.client(\"s3\")  # per invocation\n"),
            std::string::npos)
      << t;
  EXPECT_EQ(t.find("```"), std::string::npos);
  // List items keep a marker; HTML comments go.
  EXPECT_NE(t.find("- --handler NAME: treat NAME as a handler.\n- lambda_handler is always one."),
            std::string::npos)
      << t;
  EXPECT_EQ(t.find("markdownlint"), std::string::npos);
  // No runs of blank lines, no trailing newline.
  EXPECT_EQ(t.find("\n\n\n"), std::string::npos);
  EXPECT_NE(t.back(), '\n');
}

TEST(Rules, SectionEndsAtNextHeadingNotAtCodeComment) {
  RuleDoc doc = parseRuleDoc("# r\n## What it does\nFinds things.\n```python\n# comment\n## also\n```\n"
                             "## Why is this bad?\nBecause.\n");
  EXPECT_EQ(doc.summary, "Finds things.");
  EXPECT_EQ(doc.whatItDoes, "Finds things.\n    # comment\n    ## also");
}

TEST(Rules, MissingSectionGivesEmptySummary) {
  RuleDoc doc = parseRuleDoc("# r\n\nJust text.\n");
  EXPECT_EQ(doc.summary, "");
  EXPECT_EQ(doc.whatItDoes, "");
  EXPECT_EQ(doc.plainText, "r\n\nJust text.");
}

TEST(Rules, EscapesAndUnclosedMarkup) {
  RuleDoc doc = parseRuleDoc("## What it does\nUses \\*literal\\* stars, 2 * 3, an `unclosed tick and [brackets].\n");
  EXPECT_EQ(doc.summary, "Uses *literal* stars, 2 * 3, an `unclosed tick and [brackets].");
}

TEST(Rules, CrLfPages) {
  RuleDoc doc = parseRuleDoc("# r\r\n\r\n## What it does\r\nFinds `x`. More.\r\n");
  EXPECT_EQ(doc.summary, "Finds x.");
  EXPECT_EQ(doc.plainText.find('\r'), std::string::npos);
}

TEST(Rules, UnknownRuleThrows) {
  EXPECT_THROW(ruleDoc("no-such-rule-exists"), std::out_of_range);
}

TEST(Rules, EveryEmbeddedPageParses) {
  std::set<std::string> ids;
  for (const embedded::Doc& d : embedded::ruleDocs()) {
    SCOPED_TRACE(std::string(d.id));
    EXPECT_TRUE(ids.insert(std::string(d.id)).second) << "duplicate page";
    const RuleDoc& doc = ruleDoc(d.id);
    EXPECT_EQ(doc.markdown, d.markdown);
    EXPECT_FALSE(doc.summary.empty()) << "no `## What it does` first sentence";
    EXPECT_EQ(doc.summary.back(), '.');
    EXPECT_EQ(doc.summary.find('\n'), std::string::npos);
    EXPECT_FALSE(doc.whatItDoes.empty());
    EXPECT_EQ(doc.plainText.find("```"), std::string::npos);
    // Cached: the same object every time.
    EXPECT_EQ(&doc, &ruleDoc(d.id));
  }
}

TEST(Rules, CacheIsThreadSafe) {
  const auto& docs = embedded::ruleDocs();
  if (docs.empty()) GTEST_SKIP() << "no embedded rule pages";
  std::vector<const RuleDoc*> seen(8, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      for (const embedded::Doc& d : docs) seen[i] = &ruleDoc(d.id);
    });
  }
  for (std::thread& t : threads) t.join();
  for (const RuleDoc* p : seen) EXPECT_EQ(p, &ruleDoc(docs.back().id));
}

TEST(Rules, WhatItDoesKeepsSubheadingsAndListsApart) {
  RuleDoc doc = parseRuleDoc("## What it does\nFinds\nthings.\n### Details\nMore\ntext.\n- one\n- two\n  continued\n");
  EXPECT_EQ(doc.whatItDoes, "Finds things.\nDetails\nMore text.\n- one\n- two continued");
}

// Units of core/: globs, the catalogue, source positions, the per-invocation analysis.
#include "core/Analysis.h"
#include "core/Catalogue.h"
#include "core/Glob.h"
#include "core/Source.h"

#include <gtest/gtest.h>

using namespace ll;

TEST(Glob, MatchesStarsAndLiterals) {
  EXPECT_TRUE(globMatch("boto3.client", "boto3.client"));
  EXPECT_FALSE(globMatch("boto3.client", "boto3.clients"));
  EXPECT_TRUE(globMatch("*client[ssm].get_parameter", "boto3.client[ssm].get_parameter"));
  EXPECT_TRUE(globMatch("*client[ssm].get_parameter", "botocore.session.get_session.create_client[ssm].get_parameter"));
  EXPECT_FALSE(globMatch("*client[ssm].get_parameter", "boto3.client[ssm].get_parameters"));
  EXPECT_TRUE(globMatch("*.inject_lambda_context", "aws_lambda_powertools.Logger.inject_lambda_context"));
  EXPECT_TRUE(globMatch("*", ""));
  EXPECT_FALSE(globMatch("a*b", "a"));
}

TEST(Catalogue, ExpandsBracesAndKeepsLabelsAndFixCeilings) {
  Catalogue c = Catalogue::parse(R"(
python:
  connection:
    - label: MySQL connection
      fix: unsafe
      patterns: ["pymysql.{connect,Connect}"]
    - redis.Redis
)", "test.yaml");
  const CatalogueEntry* e = c.match("python", "connection", "pymysql.Connect");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->label, "MySQL connection");
  EXPECT_EQ(e->fix, FixCeiling::Unsafe);
  const CatalogueEntry* r = c.match("python", "connection", "redis.Redis");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->label, "connection");
  EXPECT_EQ(r->fix, FixCeiling::Safe);
  EXPECT_EQ(c.match("python", "connection", "pymysql.connections"), nullptr);
  EXPECT_EQ(c.match("javascript", "connection", "pymysql.connect"), nullptr);
}

TEST(Catalogue, MergeAppendsUserEntries) {
  Catalogue c = Catalogue::builtin();
  EXPECT_EQ(c.match("python", "client", "acme.make_client"), nullptr);
  c.merge(Catalogue::parse("python:\n  client:\n    - acme.make_client\n", "user.yaml"));
  EXPECT_NE(c.match("python", "client", "acme.make_client"), nullptr);
  EXPECT_NE(c.match("python", "client", "boto3.client"), nullptr);
}

TEST(Catalogue, ErrorsNameTheLine) {
  try {
    Catalogue::parse("python:\n  client:\n    - {pattern: x, colour: red}\n", "bad.yaml");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.yaml:3:"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Catalogue::parse("rust:\n  client: []\n", "x.yaml"), std::runtime_error);
  EXPECT_THROW(Catalogue::parse("python:\n  client:\n    - a.{b,c\n", "x.yaml"), std::runtime_error);
}

TEST(Catalogue, BuiltinKnowsTheIssueExamples) {
  const Catalogue& c = Catalogue::builtin();
  for (const char* name : {"boto3.client", "boto3.resource", "boto3.Session", "boto3.session.Session",
                           "boto3.Session.client", "botocore.session.get_session.create_client",
                           "aioboto3.Session.client"})
    EXPECT_NE(c.match("python", "client", name), nullptr) << name;
  for (const char* name : {"pymysql.connect", "mysql.connector.connect", "psycopg2.connect",
                           "psycopg.connect", "pymongo.MongoClient", "redis.Redis",
                           "sqlalchemy.create_engine", "sqlalchemy.orm.sessionmaker",
                           "peewee.PostgresqlDatabase", "requests.Session", "httpx.Client",
                           "httpx.AsyncClient", "urllib3.PoolManager", "opensearchpy.OpenSearch",
                           "elasticsearch.Elasticsearch"})
    EXPECT_NE(c.match("python", "connection", name), nullptr) << name;
  for (const char* name : {"boto3.client[ssm].get_parameter", "boto3.client[ssm].get_parameters_by_path",
                           "boto3.Session.client[secretsmanager].get_secret_value",
                           "boto3.client[appconfigdata].get_latest_configuration"})
    EXPECT_NE(c.match("python", "config-fetch", name), nullptr) << name;
  EXPECT_EQ(c.match("python", "config-fetch", "aws_lambda_powertools.utilities.parameters.get_parameter"), nullptr);
}

TEST(Source, PositionsCountCodePointsAndLines) {
  SourceFile f("x.py", "ab\ncaf\xc3\xa9 = 1\r\nz\xff!");
  EXPECT_EQ(f.lineCount(), 3u);
  EXPECT_EQ(f.position(0).line, 1u);
  Position p = f.position(10); // after "café " (é is 2 bytes)
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.column, 7u);
  EXPECT_EQ(f.offset(p), 10u);
  EXPECT_EQ(f.lineText(2), "caf\xc3\xa9 = 1");
  Position q = f.position(static_cast<uint32_t>(f.text().size()) - 1); // "!" after an invalid byte
  EXPECT_EQ(q.line, 3u);
  EXPECT_EQ(q.column, 3u);
  EXPECT_FALSE(isValidUtf8(f.text()));
  EXPECT_TRUE(isValidUtf8("caf\xc3\xa9"));
  EXPECT_FALSE(isValidUtf8("\xc0\xaf")); // overlong
  EXPECT_FALSE(isValidUtf8("\xed\xa0\x80")); // surrogate
}

TEST(Source, ColumnsOfAsciiLinesAreByteOffsetsAndOthersCountCodePoints) {
  // An ASCII line after a non-ASCII one, and the reverse: each line is judged on its own.
  SourceFile f("x.js", "\xc3\xa9\xc3\xa9x\rlet a = 1;\n\xe2\x82\xac = b\nend");
  EXPECT_EQ(f.position(4).column, 3u);  // "x" after two 2-byte code points
  EXPECT_EQ(f.position(10).line, 2u);   // line 2 starts after the lone \r
  EXPECT_EQ(f.position(10).column, 5u); // "a"
  EXPECT_EQ(f.position(21).column, 3u); // "=" after the 3-byte euro sign and a space
  EXPECT_EQ(f.position(26).column, 2u); // "n" of "end"
  for (uint32_t o = 0; o < f.text().size(); ++o)
    if ((static_cast<unsigned char>(f.text()[o]) & 0xC0) != 0x80) // a code point's first byte
      EXPECT_EQ(f.offset(f.position(o)), o) << o;
}

TEST(Source, ColumnsOnLongNonAsciiLinesMatchCountingFromTheLineStart) {
  // A minified line of 40,000 bytes with multi-byte code points and an invalid byte on the way:
  // columns counted from the checkpoints equal those counted from the line's start.
  std::string line;
  for (int i = 0; i < 4000; ++i) line += i % 7 == 0 ? "\xc3\xa9" : i == 1234 ? "\xff" : "ab";
  const std::string text = "x\n" + line + "\n";
  SourceFile f("min.js", text);
  for (uint32_t o = 2; o < text.size() - 1; o += 37) {
    const Position p = f.position(o);
    EXPECT_EQ(p.line, 2u);
    EXPECT_EQ(p.column, codePointCount(std::string_view(text).substr(2, o - 2)) + 1) << o;
  }
}

TEST(Analysis, ReachesThroughCallsStopsAtLazyAndMemoized) {
  Module m;
  m.file = std::make_shared<SourceFile>("m.py", std::string(100, ' '));
  auto fn = [&](std::string name, bool handler = false, bool memo = false) {
    Function f;
    f.name = f.qualifiedName = std::move(name);
    f.isHandler = handler;
    f.memoized = memo;
    m.functions.push_back(f);
    return int(m.functions.size() - 1);
  };
  int h = fn("handler", true), a = fn("a"), b = fn("b"), memo = fn("memo", false, true), lazy = fn("lazy"),
      unused = fn("unused");
  auto call = [&](int from, int to, bool isLazy = false) {
    Call c;
    c.function = from;
    c.target = to;
    c.lazy = isLazy;
    m.calls.push_back(c);
    return int(m.calls.size() - 1);
  };
  int ha = call(h, a);
  int ab = call(a, b);
  call(h, memo);
  call(h, lazy, /*isLazy=*/true);
  call(memo, unused);
  InvocationAnalysis inv(m);
  EXPECT_TRUE(inv.perInvocation(h));
  EXPECT_TRUE(inv.perInvocation(a));
  EXPECT_TRUE(inv.perInvocation(b));
  EXPECT_FALSE(inv.perInvocation(memo));
  EXPECT_FALSE(inv.perInvocation(lazy));
  EXPECT_FALSE(inv.perInvocation(unused));
  EXPECT_EQ(inv.callPath(b), (std::vector<int>{ha, ab}));
  EXPECT_EQ(inv.handlerOf(b), h);
  EXPECT_TRUE(inv.callPath(h).empty());
}

// The Python frontend's lowering: canonical names through aliases and values, lazy regions,
// hoistability, statements, handlers.
#include "frontends/Frontend.h"
#include "ModelQueries.h"

#include <gtest/gtest.h>

using namespace ll;
using namespace ll::test;

namespace {

Module lowerText(const std::string& text, std::set<std::string> handlers = {}) {
  FrontendOptions o;
  o.handlers = std::move(handlers);
  return lowerPython(std::make_shared<SourceFile>("t.py", text), o);
}


} // namespace

TEST(PythonFrontend, ResolvesImportAliases) {
  Module m = lowerText(R"(import boto3 as b
from boto3 import client
from boto3.session import Session
import botocore.session
b.client("s3")
client("sqs")
Session()
botocore.session.get_session()
)");
  EXPECT_EQ(callees(m), (std::vector<std::string>{"boto3.client", "boto3.client", "boto3.session.Session",
                                                  "botocore.session.get_session"}));
  ASSERT_EQ(m.imports.size(), 4u);
  EXPECT_EQ(m.imports[0].module, "boto3");
  EXPECT_EQ(m.imports[0].local, "b");
  EXPECT_EQ(m.imports[2].canonical(), "boto3.session.Session");
}

TEST(PythonFrontend, NamesCallsThroughVariablesWithTheService) {
  Module m = lowerText(R"(import boto3
ssm = boto3.client("ssm")
def f():
    s = boto3.Session()
    s.client("s3")
    ssm.get_parameter(Name="x")
    boto3.client(service_name="secretsmanager").get_secret_value(SecretId="y")
    botocore_like = boto3.client("appconfigdata")
    botocore_like.get_latest_configuration(ConfigurationToken="t")
)");
  EXPECT_NE(findCall(m, "boto3.Session.client"), nullptr);
  EXPECT_NE(findCall(m, "boto3.client[ssm].get_parameter"), nullptr);
  EXPECT_NE(findCall(m, "boto3.client[secretsmanager].get_secret_value"), nullptr);
  EXPECT_NE(findCall(m, "boto3.client[appconfigdata].get_latest_configuration"), nullptr);
  const Call* client = findCall(m, "boto3.client");
  ASSERT_NE(client, nullptr);
  EXPECT_EQ(client->qualifier, "ssm");
}

TEST(PythonFrontend, MarksLazyInitialisationRegions) {
  Module m = lowerText(R"(import boto3
_c = None
_cache = {}
def a():
    global _c
    if _c is None:
        _c = boto3.client("a")
    return _c
def b():
    global _c
    if _c is not None:
        return _c
    _c = boto3.client("b")
    return _c
def c(name):
    if name not in _cache:
        _cache[name] = boto3.client("c")
    return _cache[name]
def d():
    global _c
    _c = _c or boto3.client("d")
def e():
    x = None
    if x is None:
        x = boto3.client("e")
    return x
def f():
    global _c
    _c = boto3.client("f")
)");
  std::map<std::string, bool> lazy;
  for (const Call& call : m.calls)
    if (call.callee == "boto3.client") lazy[call.qualifier] = call.lazy;
  EXPECT_TRUE(lazy["a"]);
  EXPECT_TRUE(lazy["b"]);
  EXPECT_TRUE(lazy["c"]);
  EXPECT_TRUE(lazy["d"]);
  EXPECT_FALSE(lazy["e"]) << "a local is no cache";
  EXPECT_FALSE(lazy["f"]) << "an unguarded assignment runs every time";
}

TEST(PythonFrontend, HoistabilityAndStatements) {
  Module m = lowerText(R"(import os
import boto3
REGION = os.environ["AWS_REGION"]
def handler(event, context):
    a = boto3.client("s3", region_name=REGION)
    b = boto3.client("s3", region_name=event["r"])
    c = boto3.client("s3", region_name=LATER)
    if event:
        d = boto3.client("sqs")
    a = 1
    return b, c, d
LATER = "x"
)");
  std::vector<const Call*> clients;
  for (const Call& c : m.calls)
    if (c.callee == "boto3.client") clients.push_back(&c);
  ASSERT_EQ(clients.size(), 4u);
  EXPECT_TRUE(clients[0]->hoistable);
  EXPECT_FALSE(clients[1]->hoistable) << "uses the event";
  EXPECT_FALSE(clients[2]->hoistable) << "uses a name bound after the function";
  EXPECT_TRUE(clients[3]->hoistable);
  const Statement& sa = m.statements[clients[0]->statement];
  EXPECT_EQ(sa.assignedName, "a");
  EXPECT_TRUE(sa.inFunctionBody);
  EXPECT_FALSE(sa.assignedOnce) << "`a` is assigned twice";
  const Statement& sd = m.statements[clients[3]->statement];
  EXPECT_FALSE(sd.inFunctionBody);
  EXPECT_TRUE(sd.onlyInBlock);
}

TEST(PythonFrontend, FindsHandlers) {
  Module m = lowerText(R"(from aws_lambda_powertools import Logger
logger = Logger()
def lambda_handler(event, context): pass
def on_sqs(event, context): pass
@logger.inject_lambda_context
def wrapped(e, c): pass
def helper(x): pass
class P:
    def run(self, event, context): pass
handler = P().run
)");
  EXPECT_TRUE(m.functions[functionNamed(m, "lambda_handler")].isHandler);
  EXPECT_TRUE(m.functions[functionNamed(m, "on_sqs")].isHandler);
  EXPECT_TRUE(m.functions[functionNamed(m, "wrapped")].isHandler);
  EXPECT_FALSE(m.functions[functionNamed(m, "helper")].isHandler);
  EXPECT_TRUE(m.functions[functionNamed(m, "P.run")].isHandler);

  Module only = lowerText("def lambda_handler(event, context): pass\ndef helper(x): pass\n", {"helper"});
  EXPECT_FALSE(only.functions[functionNamed(only, "lambda_handler")].isHandler);
  EXPECT_TRUE(only.functions[functionNamed(only, "helper")].isHandler);
}

TEST(PythonFrontend, HandlerDetectionNeedsNoAwsImport) {
  Module m = lowerText("def lambda_handler(event, context):\n    return 1\n");
  ASSERT_EQ(m.functions.size(), 1u);
  EXPECT_TRUE(m.functions[0].isHandler);
}

TEST(PythonFrontend, SyntaxErrorsLeaveTheRestAnalysed) {
  Module m = lowerText("import boto3\ndef handler(event, context):\n    boto3.client('s3')\ndef broken(:\n");
  EXPECT_TRUE(m.hasSyntaxErrors);
  EXPECT_FALSE(m.notices.empty());
  EXPECT_NE(findCall(m, "boto3.client"), nullptr);
}

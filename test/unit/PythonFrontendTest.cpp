// The Python frontend's lowering: canonical names through aliases and values, lazy regions,
// hoistability, statements, handlers.
#include "frontends/Frontend.h"
#include "ModelQueries.h"

#include <gtest/gtest.h>

using namespace ll;
using namespace ll::test;

namespace {

Module lowerText(const std::string& text, std::set<std::string> handlers = {}) {
  FrontendOptions o(Catalogue::builtin());
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

// ---- name uses, blocks and conditional paths (eager-heavy-import) ---------------------------

namespace {

/// The uses of the module-scope import binding `local`, in source order.
std::vector<const NameUse*> usesOf(const Module& m, std::string_view local) {
  std::vector<const NameUse*> out;
  for (const NameUse& u : m.uses)
    if (u.import >= 0 && m.imports[u.import].local == local) out.push_back(&u);
  return out;
}

std::string usedText(const Module& m, const NameUse* u) { return std::string(m.text(u->range)); }

} // namespace

TEST(PythonFrontend, RecordsUsesOfModuleImportsButNotShadowedNames) {
  Module m = lowerText(R"(import pandas as pd
import numpy as np

pd.set_option("x", 1)


def helper(np):
    return np.zeros(3), pd.DataFrame()


def other():
    pd = None
    return pd


def handler(event, context):
    return helper(np)
)");
  auto pdUses = usesOf(m, "pd");
  ASSERT_EQ(pdUses.size(), 2u);
  EXPECT_EQ(pdUses[0]->function, -1); // module scope
  EXPECT_EQ(pdUses[1]->function, functionNamed(m, "helper"));
  auto npUses = usesOf(m, "np");
  ASSERT_EQ(npUses.size(), 1u); // the parameter of helper is not the import
  EXPECT_EQ(npUses[0]->function, functionNamed(m, "handler"));
}

TEST(PythonFrontend, MarksConditionalUsesAndCalls) {
  Module m = lowerText(R"(import a, b, c, d, e, f, g, h, i


def work():
    pass


def handler(event, context):
    if event:
        a.x()
    elif b.y:
        pass
    else:
        work()
    c.z() if event else None
    event and d.w()
    try:
        e.v()
    except ValueError:
        f.u()
    for r in event:
        g.t(r)
    match event:
        case 1:
            h.s()
    if not event:
        return
    i.r()
)");
  auto first = [&](std::string_view name) {
    auto uses = usesOf(m, name);
    return uses.empty() ? nullptr : uses.front();
  };
  for (const char* name : {"a", "b", "c", "d", "f", "h"}) {
    ASSERT_NE(first(name), nullptr) << name;
    EXPECT_FALSE(first(name)->unconditional) << name;
  }
  for (const char* name : {"e", "g", "i"}) {
    ASSERT_NE(first(name), nullptr) << name;
    EXPECT_TRUE(first(name)->unconditional) << name;
  }
  const Call* work = nullptr;
  for (const Call& c : m.calls)
    if (c.target == functionNamed(m, "work")) work = &c;
  ASSERT_NE(work, nullptr);
  EXPECT_FALSE(work->unconditional);
  EXPECT_TRUE(m.imports[0].sharedStatement);
}

TEST(PythonFrontend, RecordsBlocksWhereAStatementCanBeInserted) {
  const std::string text = R"(import pandas as pd


def f(x):
    """Doc."""
    if x:
        return pd.a()
    if x: return pd.b()
    return None


def g():
    """Only a docstring uses nothing."""
)";
  Module m = lowerText(text);
  auto uses = usesOf(m, "pd");
  ASSERT_EQ(uses.size(), 2u);
  const Block& branch = m.blocks[uses[0]->block];
  EXPECT_TRUE(branch.conditional);
  EXPECT_EQ(branch.indent, "        ");
  EXPECT_EQ(text.substr(branch.insertAt, 14), "        return");
  const Block& body = m.blocks[branch.parent];
  EXPECT_FALSE(body.conditional);
  EXPECT_EQ(body.function, functionNamed(m, "f"));
  EXPECT_EQ(text.substr(body.insertAt, 9), "    if x:"); // after the docstring
  // `if x: return pd.b()`: the body shares the header's line.
  EXPECT_EQ(m.blocks[uses[1]->block].insertAt, Block::kNoInsert);
}

TEST(PythonFrontend, AnnotationsAreUsesWhereEvaluated) {
  Module m = lowerText(R"(import pandas as pd


def f(x: pd.DataFrame) -> pd.Series:
    y: pd.Index = x.index
    return y
)");
  auto uses = usesOf(m, "pd");
  ASSERT_EQ(uses.size(), 3u);
  EXPECT_EQ(uses[0]->function, -1); // parameter annotation: evaluated by `def`
  EXPECT_FALSE(uses[0]->typeOnly);
  EXPECT_EQ(uses[1]->function, -1);
  EXPECT_TRUE(uses[2]->typeOnly); // a local variable's annotation is never evaluated

  Module future = lowerText(R"(from __future__ import annotations
import pandas as pd


def f(x: pd.DataFrame):
    return x
)");
  auto futureUses = usesOf(future, "pd");
  ASSERT_EQ(futureUses.size(), 1u);
  EXPECT_TRUE(futureUses[0]->typeOnly);
}

TEST(PythonFrontend, NestedImportsAndModuleRebinding) {
  Module m = lowerText(R"(try:
    import ujson as json
except ImportError:
    import json
import pandas as pd
pd = None
)");
  ASSERT_EQ(m.imports.size(), 3u);
  EXPECT_TRUE(m.imports[0].nested);
  EXPECT_TRUE(m.imports[1].nested);
  EXPECT_FALSE(m.imports[2].nested);
  // The fallback import and the assignment count as module-scope uses of what they rebind.
  ASSERT_EQ(usesOf(m, "json").size(), 1u);
  EXPECT_EQ(usesOf(m, "json")[0]->import, 0);
  ASSERT_EQ(usesOf(m, "pd").size(), 1u);
  EXPECT_EQ(usesOf(m, "pd")[0]->function, -1);
}

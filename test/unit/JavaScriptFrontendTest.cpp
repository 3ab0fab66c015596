// The JavaScript/TypeScript frontend's lowering: canonical names through imports, requires and
// values, handlers, lazy regions, hoistability and statements; and the editor's fixes.
#include "core/Analysis.h"
#include "core/Editor.h"
#include "frontends/Registry.h"
#include "ModelQueries.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace ll;
using namespace ll::test;

namespace {

Module lowerText(const std::string& text, Language language = Language::JavaScript,
                 std::set<std::string> handlers = {}, std::string path = "") {
  FrontendOptions o(Catalogue::builtin());
  o.handlers = std::move(handlers);
  if (path.empty()) path = language == Language::JavaScript ? "t.mjs" : language == Language::Tsx ? "t.tsx" : "t.ts";
  return lowerJavaScript(std::make_shared<SourceFile>(path, text), o, language);
}




} // namespace

TEST(JavaScriptFrontend, CanonicalNamesOfImportsAndRequires) {
  Module m = lowerText(R"(import { S3Client as Storage } from "@aws-sdk/client-s3";
import AWS from "aws-sdk";
import * as pg from "pg";
import mysql from "mysql2/promise";
import Redis from "ioredis";
import https from "node:https";
const { Pool: PgPool } = require("pg");
const knex = require("knex");
const DocumentClient = require("aws-sdk").DynamoDB.DocumentClient;
new Storage({});
new AWS.S3();
new pg.Pool();
mysql.createPool({});
new Redis();
new https.Agent({ keepAlive: true });
new PgPool();
knex({});
new DocumentClient();
)");
  EXPECT_EQ(callees(m), (std::vector<std::string>{
                            "@aws-sdk/client-s3:S3Client", "aws-sdk:S3", "pg:Pool", "mysql2/promise:createPool",
                            "ioredis", "https:Agent", "pg:Pool", "knex", "aws-sdk:DynamoDB.DocumentClient"}));
  ASSERT_GE(m.imports.size(), 9u);
  EXPECT_EQ(m.imports[0].module, "@aws-sdk/client-s3");
  EXPECT_EQ(m.imports[0].name, "S3Client");
  EXPECT_EQ(m.imports[0].local, "Storage");
  EXPECT_EQ(m.imports[1].module, "aws-sdk"); // a default import names the whole module
  EXPECT_EQ(m.imports[1].name, "");
  EXPECT_EQ(m.imports[5].module, "node:https"); // as written; canonical names drop `node:`
  const Import& req = m.imports[6];
  EXPECT_EQ(req.module, "pg");
  EXPECT_EQ(req.name, "Pool");
  EXPECT_EQ(req.local, "PgPool");
  EXPECT_EQ(m.text(req.range), "const { Pool: PgPool } = require(\"pg\");"); // the statement
  EXPECT_EQ(m.imports[8].name, "DynamoDB");
}

TEST(JavaScriptFrontend, MemberCallsAreNamedAfterTheValue) {
  Module m = lowerText(R"(import AWS from "aws-sdk";
import { SSMClient, GetParameterCommand } from "@aws-sdk/client-ssm";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import knex from "knex";
const ssm = new AWS.SSM();
const client = new SSMClient({});
const db = knex({});
export async function handler() {
  await ssm.getParameter({ Name: "x" }).promise();
  await client.send(new GetParameterCommand({ Name: "x" }));
  DynamoDBDocumentClient.from(new DynamoDBClient({}));
  db("users").select("*");
}
)");
  EXPECT_NE(findCall(m, "aws-sdk:SSM.getParameter"), nullptr);
  EXPECT_NE(findCall(m, "aws-sdk:SSM.getParameter.promise"), nullptr);
  EXPECT_NE(findCall(m, "@aws-sdk/client-ssm:SSMClient.send"), nullptr);
  EXPECT_NE(findCall(m, "@aws-sdk/client-ssm:GetParameterCommand"), nullptr);
  EXPECT_NE(findCall(m, "@aws-sdk/lib-dynamodb:DynamoDBDocumentClient.from"), nullptr);
  EXPECT_NE(findCall(m, "@aws-sdk/client-dynamodb:DynamoDBClient"), nullptr);
  // Calling the value knex made is not making a new one.
  EXPECT_NE(findCall(m, "knex()"), nullptr);
  EXPECT_NE(findCall(m, "knex().select"), nullptr);
  // `new` is part of the call.
  const Call* send = findCall(m, "@aws-sdk/client-ssm:GetParameterCommand");
  EXPECT_EQ(m.text(send->range), "new GetParameterCommand({ Name: \"x\" })");
  EXPECT_EQ(m.text(send->calleeRange), "new GetParameterCommand");
  EXPECT_EQ(findCall(m, "@aws-sdk/client-ssm:SSMClient.send")->use, CallUse::Awaited);
}

TEST(JavaScriptFrontend, TypeOnlyImportsAreNotRuntimeUses) {
  Module m = lowerText(R"(import type { S3Client } from "@aws-sdk/client-s3";
import { type SQSClient, SNSClient } from "@aws-sdk/client-sns";
let client: S3Client | undefined;
type Factory = () => SQSClient;
export const handler = async (): Promise<ReturnType<typeof make>> => new SNSClient({});
function make(): SQSClient { return undefined as unknown as SQSClient; }
)",
                       Language::TypeScript);
  ASSERT_EQ(m.imports.size(), 3u);
  EXPECT_TRUE(m.imports[0].typeOnly);
  EXPECT_TRUE(m.imports[1].typeOnly);
  EXPECT_FALSE(m.imports[2].typeOnly);
  EXPECT_EQ(callees(m), (std::vector<std::string>{"@aws-sdk/client-sns:SNSClient"}));
  // `typeof make` in a type is not a reference to make.
  for (const Call& c : m.calls) EXPECT_FALSE(c.referenceOnly) << c.callee;
}

TEST(JavaScriptFrontend, FindsHandlers) {
  Module cjs = lowerText(R"(const middy = require("@middy/core");
async function base(event) {}
const other = async (event) => {};
exports.handler = middy(base).use({ before: async (request) => {} });
module.exports.lambdaHandler = other;
exports.notAHandler = async () => {};
)",
                         Language::JavaScript, {}, "t.js");
  EXPECT_EQ(handlers(cjs), (std::vector<std::string>{"base", "before", "other"}));
  EXPECT_EQ(cjs.functions[functionNamed(cjs, "base")].handlerReason,
            "wrapped by `middy(...)`, exported as `handler`");

  Module esm = lowerText(R"(function makeHandler(deps) {
  return async (event) => deps;
}
const impl = async () => {};
class Job { async run(event) {} helper() {} }
const job = new Job();
export const handler = makeHandler({});
export { impl as lambdaHandler };
export default job.run.bind(job);
export const streaming = awslambda.streamifyResponse(async (event, stream) => {});
)");
  EXPECT_EQ(handlers(esm), (std::vector<std::string>{"Job.run", "impl", "makeHandler.<anonymous>"}));
  EXPECT_EQ(esm.functions[functionNamed(esm, "makeHandler.<anonymous>")].handlerReason,
            "returned by `makeHandler(...)`, exported as `handler`");
  EXPECT_EQ(esm.functions[functionNamed(esm, "Job.run")].handlerReason, "the default export");

  Module named = lowerText("export const streaming = awslambda.streamifyResponse(async (event, stream) => {});\n"
                           "export async function other(event) {}\n",
                           Language::JavaScript, {"streaming"});
  EXPECT_EQ(handlers(named), (std::vector<std::string>{"streaming"}));
  Module missing = lowerText("export async function other(event) {}\n", Language::JavaScript, {"nope"});
  ASSERT_EQ(missing.notices.size(), 1u);
  EXPECT_NE(missing.notices[0].message.find("--handler names 'nope'"), std::string::npos);
}

TEST(JavaScriptFrontend, PowertoolsClassHandler) {
  Module m = lowerText(R"(import { Tracer } from "@aws-lambda-powertools/tracer";
const tracer = new Tracer();
class Lambda {
  @tracer.captureLambdaHandler()
  public async process(_event: unknown, _context: unknown): Promise<void> {}
}
)",
                       Language::TypeScript);
  EXPECT_EQ(handlers(m), (std::vector<std::string>{"Lambda.process"}));
  EXPECT_EQ(m.functions[0].handlerReason, "decorated with `@tracer.captureLambdaHandler()`");
}

TEST(JavaScriptFrontend, CallbacksBelongToTheirFunctionAndEdgesReachHelpers) {
  Module m = lowerText(R"(import { S3Client } from "@aws-sdk/client-s3";
function helper() { return new S3Client({}); }
function unused() { return new S3Client({}); }
export const handler = async (event) => {
  await Promise.all(event.Records.map(async (r) => new S3Client({ region: r.region })));
  [1].forEach(helper);
};
)");
  InvocationAnalysis a(m);
  const int h = functionNamed(m, "handler");
  ASSERT_GE(h, 0);
  // The inline callback is the handler's own code, not a function of its own.
  EXPECT_EQ(functionNamed(m, "handler.<anonymous>"), -1);
  int inHandler = 0;
  for (const Call& c : m.calls)
    if (c.callee == "@aws-sdk/client-s3:S3Client" && c.function == h) ++inHandler;
  EXPECT_EQ(inHandler, 1);
  EXPECT_TRUE(a.perInvocation(functionNamed(m, "helper")));  // passed as a callback
  EXPECT_FALSE(a.perInvocation(functionNamed(m, "unused")));
}

TEST(JavaScriptFrontend, MarksLazyInitialisation) {
  Module m = lowerText(R"(import { S3Client } from "@aws-sdk/client-s3";
let a, b, c, d;
const byRegion = new Map();
function f1() { if (!a) a = new S3Client({}); return a; }
function f2() { b ??= new S3Client({}); return b; }
function f3() { return c || (c = new S3Client({})); }
function f4() { if (d === undefined) { d = new S3Client({}); } return d; }
function f5(r) { let x = byRegion.get(r); if (!x) { x = new S3Client({ region: r }); byRegion.set(r, x); } return x; }
function f6() { if (a) return a; a = new S3Client({}); return a; }
function f7() { let local; local ??= new S3Client({}); return local; }
function f8() { if (!a) console.log("miss"); return new S3Client({}); }
)");
  for (const Call& c : m.calls) {
    if (c.callee != "@aws-sdk/client-s3:S3Client" || c.function < 0) continue;
    const std::string& fn = m.functions[c.function].name;
    const bool expectLazy = fn != "f7" && fn != "f8";
    EXPECT_EQ(c.lazy, expectLazy) << fn;
  }
}

TEST(JavaScriptFrontend, MemoizedFunctionsStopTheSearch) {
  Module m = lowerText(R"(import memoize from "lodash/memoize";
import { S3Client } from "@aws-sdk/client-s3";
const getClient = memoize(() => new S3Client({}));
export const handler = async () => getClient();
)");
  const int f = functionNamed(m, "getClient");
  ASSERT_GE(f, 0);
  EXPECT_TRUE(m.functions[f].memoized);
}

TEST(JavaScriptFrontend, HoistabilityAndStatements) {
  Module m = lowerText(R"(import { S3Client } from "@aws-sdk/client-s3";
const REGION = process.env.AWS_REGION;
export const handler = async (event) => {
  const s3 = new S3Client({ region: REGION, retryMode: process.env.MODE, maxAttempts: Math.max(1, 3) });
  let perEvent = new S3Client({ region: event.region });
  perEvent = null;
  const later = new S3Client({ region: LATER });
  const random = new S3Client({ maxAttempts: Math.random() });
  const closed = new S3Client({});
  closed.destroy();
  if (event.x) { const nested = new S3Client({}); }
  const withCallback = new S3Client({ retryStrategy: (n) => Math.min(n, 3) });
};
const LATER = "eu-west-1";
)");
  auto stmt = [&](const std::string& name) -> const Statement* {
    for (const Statement& s : m.statements)
      if (s.assignedName == name) return &s;
    return nullptr;
  };
  auto call = [&](const std::string& name) { return &m.calls[stmt(name)->call]; };
  ASSERT_NE(stmt("s3"), nullptr);
  EXPECT_TRUE(call("s3")->hoistable);
  EXPECT_TRUE(stmt("s3")->inFunctionBody);
  EXPECT_TRUE(stmt("s3")->assignedOnce);
  EXPECT_EQ(stmt("s3")->declarationKind, "const");
  EXPECT_FALSE(stmt("s3")->lines.empty());
  EXPECT_FALSE(call("perEvent")->hoistable);
  EXPECT_FALSE(stmt("perEvent")->assignedOnce);
  EXPECT_FALSE(call("later")->hoistable); // bound after the handler's statement
  EXPECT_FALSE(call("random")->hoistable);
  EXPECT_TRUE(stmt("closed")->released);
  EXPECT_FALSE(stmt("nested")->inFunctionBody);
  EXPECT_TRUE(call("withCallback")->hoistable);
  EXPECT_EQ(m.functions[0].topLevelStart, m.file->lineStart(3));
}

TEST(JavaScriptFrontend, JsDocStaysWithItsFunction) {
  Module m = lowerText("const a = 1;\n\n/**\n * The handler.\n */\nexport async function handler() {}\n");
  ASSERT_EQ(m.functions.size(), 1u);
  EXPECT_EQ(m.functions[0].topLevelStart, m.file->lineStart(3));
}

TEST(JavaScriptFrontend, SyntaxErrorsLeaveTheRestAnalysed) {
  Module m = lowerText("import { S3Client } from \"@aws-sdk/client-s3\";\n"
                       "export const handler = async () => { const s3 = new S3Client({}); return s3; };\n"
                       "function broken( {\n");
  EXPECT_TRUE(m.hasSyntaxErrors);
  ASSERT_FALSE(m.notices.empty());
  EXPECT_NE(m.notices[0].message.find("syntax error"), std::string::npos);
  EXPECT_NE(findCall(m, "@aws-sdk/client-s3:S3Client"), nullptr);
}

TEST(JavaScriptFrontend, SkipsMinifiedCode) {
  std::string line = "var a=require(\"x\");";
  while (line.size() < 3000) line += "function f(b){return b+1}var c=f(1);";
  Module m = lowerText(line + "\n", Language::JavaScript, {}, "bundle.js");
  ASSERT_EQ(m.notices.size(), 1u);
  EXPECT_NE(m.notices[0].message.find("looks minified or generated; skipped"), std::string::npos);
  EXPECT_TRUE(m.calls.empty());
  Module named = lowerText("exports.handler = () => 1;\n", Language::JavaScript, {}, "app.min.js");
  ASSERT_EQ(named.notices.size(), 1u);
  // A long data literal is not minified code.
  Module data = lowerText("const DATA = \"" + std::string(5000, 'A') + "\";\nexports.handler = () => DATA;\n",
                          Language::JavaScript, {}, "data.js");
  EXPECT_TRUE(data.notices.empty());
  EXPECT_EQ(handlers(data), (std::vector<std::string>{"handler"}));
}

TEST(JavaScriptFrontend, LanguagesByExtension) {
  EXPECT_EQ(languageForPath("a.js"), Language::JavaScript);
  EXPECT_EQ(languageForPath("a.mjs"), Language::JavaScript);
  EXPECT_EQ(languageForPath("a.cjs"), Language::JavaScript);
  EXPECT_EQ(languageForPath("a.jsx"), Language::JavaScript);
  EXPECT_EQ(languageForPath("a.ts"), Language::TypeScript);
  EXPECT_EQ(languageForPath("a.mts"), Language::TypeScript);
  EXPECT_EQ(languageForPath("a.cts"), Language::TypeScript);
  EXPECT_EQ(languageForPath("a.tsx"), Language::Tsx);
  EXPECT_TRUE(parsesCleanly(Language::Tsx, "const a = <div>{1}</div>;\n"));
  EXPECT_FALSE(parsesCleanly(Language::TypeScript, "const a = <div>{1}</div>;\n"));
}

TEST(JavaScriptEditor, HoistsAPlainDeclaration) {
  Module m = lowerText(R"(import { S3Client } from "@aws-sdk/client-s3";

export const handler = async (event) => {
    const s3 = new S3Client({
        region: process.env.AWS_REGION,
    });
    return s3;
};
)");
  const Call* c = findCall(m, "@aws-sdk/client-s3:S3Client");
  ASSERT_NE(c, nullptr);
  auto fix = editorFor(m.language).hoistToModuleScope(m, *c);
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->applicability, Applicability::Safe);
  EXPECT_EQ(applied(m, *fix), R"(import { S3Client } from "@aws-sdk/client-s3";

const s3 = new S3Client({
    region: process.env.AWS_REGION,
});

export const handler = async (event) => {
    return s3;
};
)");
}

TEST(JavaScriptEditor, LazyGetterFollowsTheFileStyle) {
  Module m = lowerText("import { S3Client } from \"@aws-sdk/client-s3\"\n\n"
                       "export const handler = async (event) => {\n"
                       "    if (event.x) return new S3Client({})\n"
                       "    return null\n"
                       "}\n");
  const Call* c = findCall(m, "@aws-sdk/client-s3:S3Client");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(editorFor(m.language).hoistToModuleScope(m, *c));
  auto fix = editorFor(m.language).lazyInitialize(m, *c, LazyPurpose::Client);
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->applicability, Applicability::Unsafe);
  EXPECT_EQ(fix->description, "Create it once in `getS3Client()`, cached at module level");
  EXPECT_EQ(applied(m, *fix), "import { S3Client } from \"@aws-sdk/client-s3\"\n\n"
                              "let _s3Client\n"
                              "function getS3Client() {\n"
                              "    _s3Client ??= new S3Client({})\n"
                              "    return _s3Client\n"
                              "}\n\n"
                              "export const handler = async (event) => {\n"
                              "    if (event.x) return getS3Client()\n"
                              "    return null\n"
                              "}\n");
}

TEST(JavaScriptEditor, ConfigLoaderWrapsTheSendAndForgetsFailures) {
  Module m = lowerText(R"(import { SSMClient, GetParameterCommand } from "@aws-sdk/client-ssm";
const ssm = new SSMClient({});
export const handler = async () => {
  const param = await ssm.send(new GetParameterCommand({ Name: "/x" }));
  return param;
};
)",
                       Language::TypeScript);
  const Call* c = findCall(m, "@aws-sdk/client-ssm:GetParameterCommand");
  ASSERT_NE(c, nullptr);
  auto fix = editorFor(m.language).lazyInitialize(m, *c, LazyPurpose::Config);
  ASSERT_TRUE(fix);
  const std::string out = applied(m, *fix);
  EXPECT_NE(out.find("let _paramPromise: Promise<import(\"@aws-sdk/client-ssm\").GetParameterCommandOutput> | undefined;\n"
                     "function loadParam() {\n"
                     "  _paramPromise ??= ssm.send(new GetParameterCommand({ Name: \"/x\" })).catch((err) => {\n"
                     "    _paramPromise = undefined;\n"
                     "    throw err;\n"
                     "  });\n"
                     "  return _paramPromise;\n"
                     "}\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("const param = await loadParam();"), std::string::npos) << out;
  EXPECT_TRUE(parsesCleanly(Language::TypeScript, out));
}

TEST(JavaScriptEditor, NoFixForEventArgumentsOrClosedClients) {
  Module m = lowerText(R"(import { S3Client } from "@aws-sdk/client-s3";
export const handler = async (event) => {
  const perEvent = new S3Client({ region: event.region });
  const closed = new S3Client({});
  closed.destroy();
};
)");
  const Editor& e = editorFor(m.language);
  for (const Call& c : m.calls) {
    if (c.callee != "@aws-sdk/client-s3:S3Client") continue;
    EXPECT_FALSE(e.hoistToModuleScope(m, c)) << m.text(c.range);
    EXPECT_FALSE(e.lazyInitialize(m, c, LazyPurpose::Client)) << m.text(c.range);
  }
}

TEST(JavaScriptFrontend, ClosureCachesCountOnlyWhenTheirFunctionRunsOnce) {
  Module m = lowerText(R"(import { S3Client } from "@aws-sdk/client-s3";
function makeHandler() {
  let shared;
  const get = () => (shared ??= new S3Client({}));
  return async (event) => get();
}
export const lambdaHandler = makeHandler();
export const handler = async (event) => {
  let client;
  const getClient = () => { client ??= new S3Client({}); return client; };
  return getClient();
};
)");
  for (const Call& c : m.calls) {
    if (c.callee != "@aws-sdk/client-s3:S3Client") continue;
    const std::string& owner = m.functions[c.function].qualifiedName;
    // The factory runs once at Init, so its variable is a real cache; the handler's is not.
    EXPECT_EQ(c.lazy, owner == "makeHandler.get") << owner;
  }
}

TEST(JavaScriptFrontend, ReassignedModuleVariablesAreNotHoistable) {
  Module m = lowerText(R"(import { S3Client } from "@aws-sdk/client-s3";
let region = "us-east-1";
let count = 0;
let later = "a";
const fixed = "eu-west-1";
export const handler = async (event) => {
  region = event.region ?? region;
  count++;
  const a = new S3Client({ region });
  const b = new S3Client({ region: fixed });
  const c = new S3Client({ maxAttempts: count });
  const d = new S3Client({ region: later });
  return [a, b, c, d];
};
later = "b";
)");
  std::vector<bool> hoistable;
  for (const Call& c : m.calls)
    if (c.callee == "@aws-sdk/client-s3:S3Client") hoistable.push_back(c.hoistable);
  EXPECT_EQ(hoistable, (std::vector<bool>{false, true, false, false}));
}

// ---- issue 4: name uses, blocks, conditions ------------------------------------------------

namespace {

/// "function:unconditional" for each use of the import bound to `local` ("-" for module scope,
/// "?" for a conditional use, "T" for a type-only one).
std::vector<std::string> useSummary(const Module& m, std::string_view local) {
  std::vector<std::string> out;
  for (const NameUse& u : importUses(m, local)) {
    std::string s = u.function < 0 ? "-" : m.functions[u.function].qualifiedName;
    if (!u.unconditional) s += "?";
    if (u.typeOnly) s += "T";
    out.push_back(s);
  }
  return out;
}

} // namespace

TEST(JavaScriptFrontend, UsesOfImportsByFunction) {
  Module m = lowerText(R"(const mongoose = require("mongoose");
const axios = require("axios");
const { parse } = require("csv-parse/sync");
const { Pool } = require("pg");

const pool = new Pool();

function report(rows) {
  return axios.post("/report", rows);
}

exports.handler = async (event) => {
  const rows = parse(event.body);
  await mongoose.connect(process.env.DB);
  return { rows };
};
module.exports.parse = parse;
)",
                       Language::JavaScript, {}, "t.js");
  EXPECT_EQ(useSummary(m, "mongoose"), (std::vector<std::string>{"handler"}));
  EXPECT_EQ(useSummary(m, "axios"), (std::vector<std::string>{"report"}));
  EXPECT_EQ(useSummary(m, "parse"), (std::vector<std::string>{"handler", "-"}));
  EXPECT_EQ(useSummary(m, "Pool"), (std::vector<std::string>{"-"}));
  const NameUse use = importUses(m, "mongoose")[0];
  EXPECT_EQ(m.text(use.range), "mongoose");
  ASSERT_GE(use.block, 0);
  EXPECT_EQ(m.blocks[use.block].function, functionNamed(m, "handler"));
}

TEST(JavaScriptFrontend, LocalsAndParametersShadowImports) {
  Module m = lowerText(R"(import _ from "lodash";
import moment from "moment";
function byParameter(_) { return _.x; }
function byLocal() { const moment = 1; return moment; }
function byBlock() { { let _ = 2; _; } return _.y; }
const byArrow = (moment) => moment;
function byCatch() { try {} catch (_) { _; } }
function byLaterLet() { _; let _ = 1; }
function unshadowed() { return moment(); }
)");
  EXPECT_EQ(useSummary(m, "_"), (std::vector<std::string>{"byBlock"}));
  EXPECT_EQ(useSummary(m, "moment"), (std::vector<std::string>{"unshadowed"}));
}

TEST(JavaScriptFrontend, ConditionalAndUnconditionalUses) {
  Module m = lowerText(R"(import a from "a";
export async function handler(event, context = a.defaults) {
  if (!event.body) return;          // the guard is the rare path
  if (a.ready) { a.one(); } else a.two();
  const x = event.flag ? a.three : 0;
  const y = event.flag && a.four;
  const z = event.value ?? a.five;
  try { a.six(); } catch (err) { a.seven(err); } finally { a.eight(); }
  for (const r of event.Records) { a.nine(r); }
  while (event.more) a.ten();
  switch (event.kind) { case 1: a.eleven(); }
  event.cb?.(a.twelve);
  let w; w ??= a.thirteen;
  a.fourteen();
  return [x, y, z, w, context];
}
)");
  std::vector<std::string> conditional, unconditional;
  for (const NameUse& u : importUses(m, "a")) {
    const std::string_view member = m.text({u.range.end + 1, u.range.end + 40});
    std::string name(member.substr(0, member.find_first_of("();, ")));
    (u.unconditional ? unconditional : conditional).push_back(name);
  }
  EXPECT_EQ(conditional, (std::vector<std::string>{"defaults", "one", "two", "three", "four", "five", "seven",
                                                   "eleven", "twelve", "thirteen"}));
  EXPECT_EQ(unconditional, (std::vector<std::string>{"ready", "six", "eight", "nine", "ten", "fourteen"}));
}

TEST(JavaScriptFrontend, CallsToHelpersInBranchesAreConditional) {
  Module m = lowerText(R"(function rare() {}
function always() {}
function everyRecord() {}
export const handler = async (event) => {
  if (event.debug) rare();
  always();
  event.Records.forEach(everyRecord);
  event.onError?.(rare);
};
)");
  std::vector<std::pair<std::string, bool>> calls;
  for (const Call& c : m.calls)
    if (c.target >= 0) calls.emplace_back(m.functions[c.target].name, c.unconditional);
  EXPECT_EQ(calls, (std::vector<std::pair<std::string, bool>>{
                       {"rare", false}, {"always", true}, {"everyRecord", true}, {"rare", false}}));
  InvocationAnalysis reach(m);
  EXPECT_FALSE(reach.everyInvocation(functionNamed(m, "rare")));
  EXPECT_TRUE(reach.everyInvocation(functionNamed(m, "always")));
  EXPECT_TRUE(reach.everyInvocation(functionNamed(m, "everyRecord")));
}

TEST(JavaScriptFrontend, TypeOnlyUsesInTypeScript) {
  Module m = lowerText(R"(import type { Context } from "aws-lambda";
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import * as pg from "pg";
import mongoose from "mongoose";
import { Schema as MongoSchema } from "mongoose";

interface Deps extends Record<string, pg.Pool> { s3: S3Client }
type Factory = (config: S3ClientConfig) => typeof mongoose;
class Repo implements pg.ClientBase {
  schema?: MongoSchema<unknown>;
}
export async function handler(event: unknown, context: Context): Promise<pg.QueryResult | undefined> {
  const client = makeClient<S3Client>();
  const conn = mongoose as unknown as pg.Pool;
  return (undefined satisfies undefined) as pg.QueryResult | undefined;
}
function makeClient<T>(): T { return new S3Client({}) as T; }
)",
                       Language::TypeScript);
  EXPECT_EQ(useSummary(m, "Context"), (std::vector<std::string>{"handlerT"}));
  EXPECT_EQ(useSummary(m, "S3ClientConfig"), (std::vector<std::string>{"-T"}));
  EXPECT_EQ(useSummary(m, "S3Client"), (std::vector<std::string>{"-T", "handlerT", "makeClient"}));
  EXPECT_EQ(useSummary(m, "pg"), (std::vector<std::string>{"-T", "-T", "handlerT", "handlerT", "handlerT"}));
  EXPECT_EQ(useSummary(m, "mongoose"), (std::vector<std::string>{"-T", "handler"}));
  EXPECT_EQ(useSummary(m, "MongoSchema"), (std::vector<std::string>{"-T"}));
  for (const NameUse& u : m.uses)
    if (u.typeOnly) EXPECT_NE(m.text(u.range), "T");
}

TEST(JavaScriptFrontend, AliasedImportsAreUsedByTheirLocalName) {
  Module m = lowerText(R"(import { parse as parseCsv } from "csv-parse";
const { Client: PgClient } = require("pg");
const get = require("lodash").get;
export function handler(event) {
  new PgClient();
  return get(parseCsv(event.body), "x");
}
)");
  const int csv = importBinding(m, "parseCsv");
  ASSERT_GE(csv, 0);
  EXPECT_EQ(m.imports[csv].name, "parse");
  EXPECT_EQ(useSummary(m, "parseCsv"), (std::vector<std::string>{"handler"}));
  EXPECT_EQ(useSummary(m, "PgClient"), (std::vector<std::string>{"handler"}));
  EXPECT_EQ(useSummary(m, "get"), (std::vector<std::string>{"handler"}));
  EXPECT_EQ(m.imports[importBinding(m, "PgClient")].name, "Client");
  EXPECT_TRUE(importUses(m, "parse").empty());
}

TEST(JavaScriptFrontend, UsesAtModuleScope) {
  Module m = lowerText(R"(import React from "react";
import { Button } from "ui";
import winston from "winston";
import dayjs from "dayjs";
import { z } from "zod";
const logger = winston.createLogger();
export { dayjs };
class Model {
  static schema = z.object({});
  created = dayjs();
}
export const Page = () => <div><Button /></div>;
)",
                       Language::Tsx);
  EXPECT_EQ(useSummary(m, "winston"), (std::vector<std::string>{"-"}));
  EXPECT_EQ(useSummary(m, "dayjs"), (std::vector<std::string>{"-", "Model.constructor"}));
  EXPECT_EQ(useSummary(m, "z"), (std::vector<std::string>{"-"}));
  EXPECT_EQ(useSummary(m, "Button"), (std::vector<std::string>{"Page"}));
  // The classic JSX transform reads React for every element.
  EXPECT_EQ(useSummary(m, "React"), (std::vector<std::string>{"Page", "Page"}));
}

TEST(JavaScriptFrontend, BlocksAndWhereStatementsCanGo) {
  Module m = lowerText(R"(const _ = require("lodash");
function withPrologue(a) {
  "use strict";

  // explains the next line
  return _.a(a);
}
function branches(a) {
  if (a) {
    _.b();
  } else _.c();
  switch (a) {
    case 1:
      _.d();
      break;
    default: _.e();
  }
  const f = () => _.f();
  const g = () => { _.g(); };
  try {
    _.h();
  } catch (err) {
      _.i(err);
  }
}
)",
                       Language::JavaScript, {}, "t.js");
  std::vector<std::string> seen;
  for (const NameUse& u : importUses(m, "_")) {
    ASSERT_GE(u.block, 0);
    const Block& b = m.blocks[u.block];
    seen.push_back(std::string(m.text({u.range.end + 1, u.range.end + 2})) + ":" +
                   std::to_string(insertLine(m, u.block)) + ":" + std::to_string(b.indent.size()) +
                   (b.conditional ? "?" : ""));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"a:5:2", "b:10:4?", "c:0:0?", "d:14:6?", "e:0:0?", "f:0:0",
                                            "g:0:0", "h:21:4", "i:23:6?"}));
  // Blocks nest: the if branch's parent is the function body.
  const NameUse b = importUses(m, "_")[1];
  const Block& branch = m.blocks[b.block];
  ASSERT_GE(branch.parent, 0);
  EXPECT_EQ(m.blocks[branch.parent].function, functionNamed(m, "branches"));
  EXPECT_EQ(insertLine(m, branch.parent), 9u);
  EXPECT_FALSE(m.blocks[branch.parent].conditional);
}

TEST(JavaScriptFrontend, NestedAndSharedImportStatements) {
  Module m = lowerText(R"(const a = require("a"), b = require("b");
const c = require("c"), c2 = require("c");
const d = require("d"), n = 1;
let sharp;
try {
  sharp = require("sharp");
} catch {}
if (process.env.X) {
  const { x } = require("x");
  x();
}
export const e = require("e");
require("side-effect");
function f() { return require("g"); }
)",
                       Language::JavaScript, {}, "t.js");
  auto imp = [&](std::string_view module) -> const Import& {
    for (const Import& i : m.imports)
      if (i.module == module) return i;
    throw std::runtime_error("no import of " + std::string(module));
  };
  EXPECT_TRUE(imp("a").sharedStatement);
  EXPECT_TRUE(imp("b").sharedStatement);
  EXPECT_FALSE(imp("c").sharedStatement);
  EXPECT_TRUE(imp("d").sharedStatement);
  EXPECT_FALSE(imp("a").nested);
  EXPECT_TRUE(imp("sharp").nested);
  EXPECT_EQ(imp("sharp").local, "sharp");
  EXPECT_EQ(m.text(imp("sharp").range), "sharp = require(\"sharp\");");
  EXPECT_TRUE(imp("x").nested);
  EXPECT_EQ(useSummary(m, "x"), (std::vector<std::string>{"-?"}));
  EXPECT_FALSE(imp("e").nested);
  EXPECT_EQ(m.text(imp("e").range), "const e = require(\"e\");");
  EXPECT_EQ(imp("side-effect").local, "");
  EXPECT_EQ(m.text(imp("side-effect").range), "require(\"side-effect\");");
  EXPECT_EQ(imp("g").function, functionNamed(m, "f"));
  EXPECT_EQ(m.text(imp("g").range), "require(\"g\")"); // inside a function: the call
  EXPECT_EQ(m.text(imp("a").range), "const a = require(\"a\"), b = require(\"b\");");
}

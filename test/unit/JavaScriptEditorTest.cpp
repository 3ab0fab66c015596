// The JavaScript/TypeScript editor's import edits (issue 4): moving a module-scope import into
// the blocks that use it (CommonJS `require`, ES module `await import()`), and removing one.
#include "core/Editor.h"
#include "frontends/Registry.h"
#include "ModelQueries.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace ll;
using namespace ll::test;

namespace {

Module lower(const std::string& text, const std::string& path) {
  const Language language = path.ends_with(".tsx") ? Language::Tsx
                            : path.ends_with(".ts") ? Language::TypeScript
                                                    : Language::JavaScript;
  return lowerJavaScript(std::make_shared<SourceFile>(path, text), FrontendOptions(Catalogue::builtin()), language);
}


/// The Import records of the statement that binds `local`.
std::vector<int> statementOf(const Module& m, std::string_view local) {
  const int i = importBinding(m, local);
  std::vector<int> out;
  for (size_t k = 0; k < m.imports.size(); ++k)
    if (i >= 0 && m.imports[k].range == m.imports[i].range) out.push_back(static_cast<int>(k));
  return out;
}

/// The block of the first use of `local` in function `fn` (the one a fix would pick when all
/// of that function's uses are in it).
int blockOfUseIn(const Module& m, std::string_view local, std::string_view fn) {
  for (const NameUse& u : importUses(m, local))
    if (u.function >= 0 && m.functions[u.function].qualifiedName == fn && !u.typeOnly) return u.block;
  return -1;
}

/// The fixed text, checked to parse in the file's language.
std::string fixedAndParsed(const Module& m, const Fix& fix) {
  const std::string out = applied(m, fix);
  Module again = lower(out, m.file->path());
  EXPECT_FALSE(again.hasSyntaxErrors) << out;
  return out;
}

} // namespace

TEST(JavaScriptEditor, MovesARequireIntoTheFunctionThatUsesIt) {
  Module m = lower(R"('use strict';
const _ = require('lodash'); // utilities
const axios = require('axios');

function summarize(rows) {
  // totals per key
  return _.countBy(rows, 'key');
}

exports.handler = async (event) => {
  await axios.post(event.url);
  return event.debug ? summarize(event.rows) : null;
};
)",
                   "t.js");
  auto fix = editorFor(m.language).moveImport(m, statementOf(m, "_"), {blockOfUseIn(m, "_", "summarize")}, false);
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->applicability, Applicability::Safe);
  EXPECT_EQ(fix->description, "Move `require('lodash')` into the function that uses it");
  EXPECT_TRUE(fix->introduces.empty());
  EXPECT_EQ(fixedAndParsed(m, *fix), R"('use strict';
const axios = require('axios');

function summarize(rows) {
  const _ = require('lodash'); // utilities
  // totals per key
  return _.countBy(rows, 'key');
}

exports.handler = async (event) => {
  await axios.post(event.url);
  return event.debug ? summarize(event.rows) : null;
};
)");
}

TEST(JavaScriptEditor, MovesAMultiLineRequireIntoSeveralBlocks) {
  Module m = lower(R"(const {
  parse,
  stringify: toCsv,
} = require("csv-parse/sync")

function read(body) {
  return parse(body)
}

function write(rows) {
  if (rows.length) {
    return toCsv(rows)
  }
}
)",
                   "t.cjs");
  const int readBlock = blockOfUseIn(m, "parse", "read");
  const int writeBlock = blockOfUseIn(m, "toCsv", "write");
  auto fix = editorFor(m.language).moveImport(m, statementOf(m, "parse"), {readBlock, writeBlock}, false);
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->description, "Move `require(\"csv-parse/sync\")` into the functions that use it");
  EXPECT_EQ(fixedAndParsed(m, *fix), R"(
function read(body) {
  const {
    parse,
    stringify: toCsv,
  } = require("csv-parse/sync")
  return parse(body)
}

function write(rows) {
  if (rows.length) {
    const {
      parse,
      stringify: toCsv,
    } = require("csv-parse/sync")
    return toCsv(rows)
  }
}
)");
}

TEST(JavaScriptEditor, EsModuleImportsBecomeAwaitImportInAsyncFunctions) {
  Module m = lower(R"(import mongoose, { Schema as S, model } from 'mongoose'
import * as ns from 'heavy-ns'

export async function handler(event) {
  if (event.admin) {
    await mongoose.connect(process.env.DB)
    return model('x', new S({}))
  }
  return ns.version
}
)",
                   "t.mjs");
  const Editor& e = editorFor(m.language);
  auto fix = e.moveImport(m, statementOf(m, "mongoose"), {blockOfUseIn(m, "mongoose", "handler")}, false);
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->applicability, Applicability::Unsafe);
  EXPECT_EQ(fix->description, "Import `mongoose` with `await import()` where it is used");
  EXPECT_EQ(fixedAndParsed(m, *fix), R"(import * as ns from 'heavy-ns'

export async function handler(event) {
  if (event.admin) {
    const { default: mongoose, Schema: S, model } = await import('mongoose')
    await mongoose.connect(process.env.DB)
    return model('x', new S({}))
  }
  return ns.version
}
)");
  auto nsFix = e.moveImport(m, statementOf(m, "ns"), {blockOfUseIn(m, "ns", "handler")}, false);
  ASSERT_TRUE(nsFix);
  EXPECT_NE(fixedAndParsed(m, *nsFix).find("\n  const ns = await import('heavy-ns')\n  if (event.admin) {"),
            std::string::npos);
}

TEST(JavaScriptEditor, NoAwaitImportOutsideAsyncCode) {
  Module m = lower(R"(import axios from "axios";

export function sync(event) {
  return axios.get(event.url);
}

export async function handler(event) {
  event.urls.forEach((url) => {
    axios.get(url);
  });
}
)",
                   "t.mjs");
  const Editor& e = editorFor(m.language);
  EXPECT_FALSE(e.moveImport(m, statementOf(m, "axios"), {blockOfUseIn(m, "axios", "sync")}, false));
  // The callback is part of `handler` in the model, but it is not async itself.
  const int callback = importUses(m, "axios")[1].block;
  EXPECT_EQ(m.blocks[callback].function, functionNamed(m, "handler"));
  EXPECT_FALSE(e.moveImport(m, statementOf(m, "axios"), {callback}, false));
}

TEST(JavaScriptEditor, TypeScriptKeepsTheTypesAsImportType) {
  Module m = lower(R"(import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import Redis from "ioredis";

let cached: S3Client | undefined;
const config: S3ClientConfig = {};
let redis: Redis | undefined;

export async function handler(): Promise<void> {
  cached ??= new S3Client(config);
  redis ??= new Redis();
}
)",
                   "t.ts");
  const Editor& e = editorFor(m.language);
  const int body = blockOfUseIn(m, "S3Client", "handler");
  auto fix = e.moveImport(m, statementOf(m, "S3Client"), {body}, true);
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->description, "Import `@aws-sdk/client-s3` with `await import()` where it is used, keeping "
                              "`import type` for its types");
  std::string out = fixedAndParsed(m, *fix);
  EXPECT_EQ(out.substr(0, out.find("\n\n")),
            "import type { S3Client, S3ClientConfig } from \"@aws-sdk/client-s3\";\nimport Redis from \"ioredis\";");
  EXPECT_NE(out.find("(): Promise<void> {\n  const { S3Client } = await import(\"@aws-sdk/client-s3\");\n  cached"),
            std::string::npos)
      << out;
  auto redis = e.moveImport(m, statementOf(m, "Redis"), {blockOfUseIn(m, "Redis", "handler")}, true);
  ASSERT_TRUE(redis);
  out = fixedAndParsed(m, *redis);
  EXPECT_NE(out.find("import type Redis from \"ioredis\";\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  const { default: Redis } = await import(\"ioredis\");\n"), std::string::npos) << out;
}

TEST(JavaScriptEditor, NoMoveWhereNothingCanBeInsertedOrTheStatementIsShared) {
  Module m = lower(R"(const a = require("a"), b = require("b");
const _ = require("lodash");
let sharp;
try { sharp = require("sharp"); } catch {}
const f = (x) => _.get(x, "y");
function g(x) { if (x) _.set(x, "y", sharp(a, b)); }
)",
                   "t.js");
  const Editor& e = editorFor(m.language);
  const int arrow = blockOfUseIn(m, "_", "f");
  EXPECT_EQ(m.blocks[arrow].insertAt, Block::kNoInsert);
  EXPECT_FALSE(e.moveImport(m, statementOf(m, "_"), {arrow}, false));
  const int branch = blockOfUseIn(m, "_", "g");
  EXPECT_EQ(m.blocks[branch].insertAt, Block::kNoInsert);
  EXPECT_FALSE(e.moveImport(m, statementOf(m, "_"), {branch}, false));
  EXPECT_FALSE(e.moveImport(m, statementOf(m, "a"), {branch}, false));
  EXPECT_FALSE(e.moveImport(m, statementOf(m, "sharp"), {branch}, false));
  EXPECT_FALSE(e.removeImport(m, statementOf(m, "a")));
  // Nor can g's body: its first statement shares the line of `{`.
  ASSERT_GE(m.blocks[branch].parent, 0);
  EXPECT_EQ(insertLine(m, m.blocks[branch].parent), 0u);
}

TEST(JavaScriptEditor, RemovesAnUnusedImport) {
  Module cjs = lower("const AWS = require('aws-sdk');\nconst x = 1;\n", "t.js");
  auto fix = editorFor(cjs.language).removeImport(cjs, statementOf(cjs, "AWS"));
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->applicability, Applicability::Unsafe);
  EXPECT_EQ(fix->description, "Remove the unused import of `aws-sdk`");
  EXPECT_EQ(fixedAndParsed(cjs, *fix), "const x = 1;\n");

  Module ts = lower(R"(import { DynamoDB, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import moment from "moment";
export const config: DynamoDBClientConfig = {};
export function f(d: DynamoDB): void {}
)",
                    "t.ts");
  fix = editorFor(ts.language).removeImport(ts, statementOf(ts, "DynamoDB"));
  ASSERT_TRUE(fix);
  EXPECT_TRUE(fixedAndParsed(ts, *fix).starts_with(
      "import type { DynamoDB, DynamoDBClientConfig } from \"@aws-sdk/client-dynamodb\";\nimport moment"));
  fix = editorFor(ts.language).removeImport(ts, statementOf(ts, "moment"));
  ASSERT_TRUE(fix);
  EXPECT_EQ(applied(ts, *fix).find("moment"), std::string::npos);
}

TEST(JavaScriptEditor, KeepsWindowsLineEndings) {
  Module m = lower("const _ = require('lodash');\r\nfunction f(x) {\r\n  return _.get(x);\r\n}\r\n", "t.js");
  auto fix = editorFor(m.language).moveImport(m, statementOf(m, "_"), {blockOfUseIn(m, "_", "f")}, false);
  ASSERT_TRUE(fix);
  EXPECT_EQ(fixedAndParsed(m, *fix), "function f(x) {\r\n  const _ = require('lodash');\r\n  return _.get(x);\r\n}\r\n");
}

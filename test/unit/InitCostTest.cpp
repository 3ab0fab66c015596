// The import-cost catalogue and the Init estimate built from it.
#include "initcost/ImportCosts.h"
#include "initcost/InitCost.h"
#include "frontends/Frontend.h"

#include <gtest/gtest.h>

using namespace ll;

namespace {

const char* kCosts = R"(measured_on: {date: "2026-01-01"}
stdlib:
  python: "json os"
  javascript: "fs path"
python:
  big: {version: "1.0", import_ms: 300, code_bytes: 3000000, loads: "base json"}
  other: {version: "1.0", import_ms: 120, code_bytes: 1000000, loads: "base"}
  base: {version: "1.0", import_ms: 100, code_bytes: 2000000, loads: ""}
  pkg.sub: {import_ms: 50}
  json: {import_ms: 5, code_bytes: 100000}
javascript:
  heavy: {version: "2.0", require_ms: 80, loaded_bytes: 800000}
  "@scope/pkg": 40
)";

Module lowerPy(const std::string& text) {
  return lowerPython(std::make_shared<SourceFile>("t.py", text), FrontendOptions(Catalogue::builtin()));
}

} // namespace

TEST(ImportCosts, LooksUpModulesAndParentPackages) {
  ImportCosts c = ImportCosts::parse(kCosts, "costs.yaml");
  ASSERT_NE(c.lookup("python", "big"), nullptr);
  EXPECT_DOUBLE_EQ(c.lookup("python", "big")->ms, 300);
  EXPECT_EQ(c.lookup("python", "big")->loads, (std::vector<std::string>{"base", "json"}));
  // A submodule costs at least its package; a listed submodule has its own figure.
  EXPECT_EQ(c.lookup("python", "big.frame.Frame")->module, "big");
  EXPECT_EQ(c.lookup("python", "pkg.sub.thing")->module, "pkg.sub");
  EXPECT_EQ(c.lookup("python", "pkg"), nullptr);
  EXPECT_EQ(c.lookup("python", ".relative"), nullptr);
  // JavaScript: the specifier as written; a subpath is another module.
  EXPECT_DOUBLE_EQ(c.lookup("javascript", "@scope/pkg")->ms, 40);
  EXPECT_EQ(c.lookup("javascript", "heavy/sub"), nullptr);
  EXPECT_TRUE(c.isStdlib("python", "os.path"));
  EXPECT_TRUE(c.isStdlib("javascript", "node:crypto"));
  EXPECT_TRUE(c.isStdlib("javascript", "fs/promises"));
  EXPECT_FALSE(c.isStdlib("javascript", "heavy"));
  // Median of 300/3e6, 120/1e6, 100/2e6, 5/1e5 ms per byte: (5e-5 + 1e-4) / 2.
  EXPECT_NEAR(c.msPerByte("python"), 7.5e-5, 1e-12);
}

TEST(ImportCosts, ErrorsNameTheLineAndUserSectionsMerge) {
  try {
    (void)ImportCosts::parse("python:\n  a: {import_ms: fast}\n", "bad.yaml");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "bad.yaml:2:18: import_ms is a number");
  }
  try {
    (void)ImportCosts::parse("python:\n  a: {version: 1}\n", "bad.yaml");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "bad.yaml:2:6: entry for 'a' has no import_ms/require_ms/ms");
  }
  try {
    (void)ImportCosts::parseUserSection("import-costs:\n  ruby:\n    a: 1\n", "user.yaml");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "user.yaml:2:3: unknown language 'ruby' (python, javascript)");
  }
  ImportCosts c = ImportCosts::parse(kCosts, "costs.yaml");
  c.merge(ImportCosts::parseUserSection(
      "python:\n  client: [x]\nimport-costs:\n  python:\n    acme.ml: 180\n    base: {import_ms: 10}\n",
      "user.yaml"));
  EXPECT_DOUBLE_EQ(c.lookup("python", "acme.ml.model")->ms, 180);
  EXPECT_DOUBLE_EQ(c.lookup("python", "base")->ms, 10); // the user's figure replaces ours
  EXPECT_EQ(c.lookup("python", "acme.ml")->origin, "user.yaml");
}

TEST(ImportCosts, BuiltinDataParsesAndHasTheIssueModules) {
  const ImportCosts& c = ImportCosts::builtin();
  for (const char* m : {"pandas", "numpy", "scipy", "matplotlib", "PIL", "sklearn", "lxml", "requests",
                        "boto3", "botocore", "pydantic", "sqlalchemy"})
    EXPECT_NE(c.lookup("python", m), nullptr) << m;
  for (const char* m : {"aws-sdk", "@aws-sdk/client-s3", "lodash", "moment", "axios", "mongoose", "pg"})
    EXPECT_NE(c.lookup("javascript", m), nullptr) << m;
  EXPECT_TRUE(c.isStdlib("python", "json"));
  EXPECT_TRUE(c.isStdlib("javascript", "fs"));
  // Measured, so heavy modules are heavier than cheap ones.
  EXPECT_GT(c.lookup("python", "pandas")->ms, 10 * c.lookup("python", "json")->ms);
}

TEST(InitEstimate, CountsSharedModulesOnceAndNamesTheUnmeasured) {
  ImportCosts costs = ImportCosts::parse(kCosts, "costs.yaml");
  ImportCostModel model(costs, nullptr, InitCostOptions{});
  Module m = lowerPy(R"(import json
import os
import big
import other
import base
import unknown_lib
from . import sibling
from pkg import sub


def lambda_handler(event, context):
    return big, other, base, sub, unknown_lib, sibling
)");
  std::vector<ImportWeight> w = model.weigh(m);
  ASSERT_EQ(w.size(), m.imports.size());
  EXPECT_EQ(w[1].source, CostSource::Stdlib); // os: not listed, but the standard library
  EXPECT_EQ(w[2].source, CostSource::Measured);
  EXPECT_TRUE(w[2].heavy);
  EXPECT_FALSE(w[0].heavy); // json: 5 ms
  EXPECT_EQ(w[7].key, "pkg.sub"); // `from pkg import sub` is the module pkg.sub
  InitEstimate est = model.estimate(m, w);
  ASSERT_TRUE(est.computed);
  EXPECT_EQ(est.handlers, (std::vector<std::string>{"lambda_handler"}));
  // big 300 (loads base and json), other 120 - base 100 = 20, base and json loaded by big,
  // pkg.sub 50.
  EXPECT_DOUBLE_EQ(est.ms, 370);
  ASSERT_EQ(est.contributors.size(), 5u);
  EXPECT_EQ(est.contributors[0].module, "big");
  EXPECT_EQ(est.contributors[1].module, "pkg.sub");
  EXPECT_EQ(est.contributors[2].module, "other");
  EXPECT_DOUBLE_EQ(est.contributors[2].ms, 20);
  EXPECT_DOUBLE_EQ(est.contributors[2].fullMs, 120);
  EXPECT_EQ(est.contributors[3].loadedBy, "big");
  EXPECT_EQ(est.unmeasured, (std::vector<std::string>{"unknown_lib"}));
}

TEST(InitEstimate, OnlyForFilesWithEntryPoints) {
  ImportCosts costs = ImportCosts::parse(kCosts, "costs.yaml");
  ImportCostModel model(costs, nullptr, InitCostOptions{});
  Module m = lowerPy("import big\n\n\ndef helper():\n    return big\n");
  EXPECT_FALSE(model.estimate(m, model.weigh(m)).computed);
}

TEST(InitEstimate, TypeScriptErasesTypeOnlyImports) {
  ImportCosts costs = ImportCosts::parse(kCosts, "costs.yaml");
  ImportCostModel model(costs, nullptr, InitCostOptions{});
  Module m = lowerJavaScript(std::make_shared<SourceFile>("t.ts", R"(import type { A } from "heavy";
import { B } from "@scope/pkg";
export const handler = async (a: A) => B(a);
)"),
                             FrontendOptions(Catalogue::builtin()), Language::TypeScript);
  InitEstimate est = model.estimate(m, model.weigh(m));
  ASSERT_TRUE(est.computed);
  ASSERT_EQ(est.contributors.size(), 1u);
  EXPECT_EQ(est.contributors[0].module, "@scope/pkg");
  EXPECT_DOUBLE_EQ(est.ms, 40);
}

TEST(InitEstimate, FormatsMilliseconds) {
  EXPECT_EQ(formatMs(0), "0 ms");
  EXPECT_EQ(formatMs(4.24), "4.2 ms");
  EXPECT_EQ(formatMs(238.4), "238 ms");
  EXPECT_EQ(formatMs(1250), "1.2 s");
}

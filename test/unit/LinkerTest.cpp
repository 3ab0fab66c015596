// The whole-project linker's promise to the driver: mayImportProject is never false for a file
// one of whose imports the linker resolves to another file of the run, since such a file's
// calls are dropped (core/Project.h: projectView) once it has been checked alone.
#include "TempTree.h"
#include "core/Catalogue.h"
#include "frontends/Frontend.h"
#include "frontends/Linker.h"
#include "frontends/Registry.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace ll {
namespace {

class LinkerTest : public test::TempTree {
protected:
  LinkerTest() : TempTree("linker") {}

  /// Lowers every file written so far (paths relative to the tree).
  void lowerAll(const std::vector<std::string>& rels) {
    paths_.clear();
    modules_.clear();
    for (const std::string& rel : rels) {
      const std::string p = path(rel);
      std::ifstream in(p, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      FrontendOptions o(Catalogue::builtin());
      modules_.push_back(lower(*languageForPath(p), std::make_shared<SourceFile>(p, text.str()), o));
      paths_.push_back(p);
    }
  }

  /// For each file: whether the linker resolves one of its imports to another file, and whether
  /// mayImportProject says it may.
  std::vector<std::pair<bool, bool>> resolvedAndPredicted() const {
    std::vector<const Module*> ms;
    ms.reserve(modules_.size());
    for (const Module& m : modules_) ms.push_back(&m);
    const ProjectLinkage links = linkModules(ms);
    const ImportableNames names = importableNames(paths_);
    std::vector<std::pair<bool, bool>> out;
    for (size_t i = 0; i < modules_.size(); ++i) {
      bool resolved = false;
      for (int t : links.imports[i]) resolved = resolved || t >= 0;
      for (const FunctionRef& r : links.calls[i]) resolved = resolved || bool(r);
      out.emplace_back(resolved, mayImportProject(modules_[i], names));
    }
    return out;
  }

  std::vector<std::string> paths_;
  std::vector<Module> modules_;
};

TEST_F(LinkerTest, PythonImportsOfTheProjectArePredicted) {
  file("app.py", "import json\nfrom lib import db\nimport helpers\n\ndef lambda_handler(e, c):\n"
                 "    helpers.go()\n    return db.get()\n");
  file("lib/db.py", "import boto3\n\ndef get():\n    return boto3.client('s3')\n");
  file("lib/__init__.py", "");
  file("helpers.py", "from .lib.db import get\n\ndef go():\n    return get()\n");
  file("other.py", "import boto3\nimport requests\n\ndef lambda_handler(e, c):\n    return 1\n");
  lowerAll({"app.py", "lib/db.py", "lib/__init__.py", "helpers.py", "other.py"});
  const auto r = resolvedAndPredicted();
  EXPECT_EQ(r[0], std::make_pair(true, true));   // app.py
  EXPECT_EQ(r[1], std::make_pair(false, false)); // lib/db.py imports only boto3
  EXPECT_EQ(r[3].second, true);                  // helpers.py: relative
  EXPECT_EQ(r[4], std::make_pair(false, false)); // other.py
}

TEST_F(LinkerTest, TypeScriptNamesATsconfigMapsArePredicted) {
  file("tsconfig.json", R"({ "compilerOptions": { "baseUrl": "src", "paths": { "@lib/*": ["src/lib/*"] } } })");
  file("src/handler.ts", "import { save } from '@lib/repo';\nimport { get } from 'util2';\n"
                         "export const handler = async (e: unknown) => { await save(); return get(); };\n");
  file("src/lib/repo.ts", "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n"
                          "export async function save() { return new DynamoDBClient({}); }\n");
  file("src/util2.ts", "export function get() { return 1; }\n");
  lowerAll({"src/handler.ts", "src/lib/repo.ts", "src/util2.ts"});
  const auto r = resolvedAndPredicted();
  EXPECT_EQ(r[0], std::make_pair(true, true));
  // Under a tsconfig.json that maps names, any bare import may be the project's.
  EXPECT_TRUE(r[1].second);
  EXPECT_FALSE(r[1].first);
}

TEST_F(LinkerTest, JavaScriptWithoutTsconfigOnlyRelativeImportsArePredicted) {
  file("index.js", "const { S3Client } = require('@aws-sdk/client-s3');\nconst repo = require('./repo');\n"
                   "exports.handler = async () => repo.save();\n");
  file("repo.js", "const { S3Client } = require('@aws-sdk/client-s3');\nconst _ = require('lodash/fp');\n"
                  "exports.save = () => new S3Client({});\n");
  lowerAll({"index.js", "repo.js"});
  const auto r = resolvedAndPredicted();
  EXPECT_EQ(r[0], std::make_pair(true, true));
  EXPECT_EQ(r[1], std::make_pair(false, false));
}

} // namespace
} // namespace ll

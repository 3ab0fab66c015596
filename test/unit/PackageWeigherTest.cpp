// The package weigher: dependency folders found next to and above handlers, Python and
// JavaScript module resolution, and the bytes of code an import loads, on small fake trees.
#include "initcost/PackageWeigher.h"
#include "TempTree.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <thread>
#include <vector>

using namespace ll;
namespace fs = std::filesystem;

namespace {

class PackageWeigherTest : public test::TempTree {
protected:
  PackageWeigherTest() : TempTree("weigher") {}
  void SetUp() override {
    TempTree::SetUp();
    root_ = fs::canonical(root_).string();
    // The top of a repository: nothing above the temporary folder is searched.
    put(".git/HEAD", "ref: refs/heads/main\n");
  }

  /// Writes `content` to `rel` and returns its size.
  uint64_t put(const std::string& rel, const std::string& content) {
    fs::create_directories(fs::path(path(rel)).parent_path());
    std::ofstream(path(rel), std::ios::binary) << content;
    return content.size();
  }

  static uint64_t sum(std::initializer_list<uint64_t> sizes) {
    uint64_t s = 0;
    for (uint64_t n : sizes) s += n;
    return s;
  }
};

// --- Python -----------------------------------------------------------------------------------

TEST_F(PackageWeigherTest, PythonFollowsEagerImportsOfAPackage) {
  put("proj/.git/HEAD", "ref\n");
  put("proj/handler.py", "import pkg\n");
  const std::string sp = "proj/site-packages/pkg/";
  const uint64_t init = put(sp + "__init__.py", R"PY("""The package.

import pkg.indocstring
"""
from __future__ import annotations
import os, sys
import json as _json
from . import a
from .b import thing
import pkg.c as c_alias, pkg.missing
from pkg.sub import (
    one,
    two as deux,  # a comment
)
import pkg.cont1, \
    pkg.cont2
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from . import typeonly
try:
    import fastjson
except ImportError:
    from . import slowjson
try:
    from . import a
except ImportError:
    from . import neverloaded
if os.name == "nt":
    from . import conditional
else:
    pass

def helper():
    import pkg.infunction
    from . import infunction2

class Thing:
    from . import inclass

    def method(self):
        import pkg.inmethod
x = "import pkg.instring"  # import pkg.incomment
)PY");
  const uint64_t a = put(sp + "a.py", "A = 1\n");
  const uint64_t b = put(sp + "b.py", "from .sub import three\nthing = 1\n");
  const uint64_t c = put(sp + "c.py", "from ..outside import x\nC = 3\n");
  const uint64_t sub = put(sp + "sub/__init__.py", "one = 1\n");
  const uint64_t two = put(sp + "sub/two.py", "from . import one\n");
  const uint64_t cont1 = put(sp + "cont1.py", "\n");
  const uint64_t cont2 = put(sp + "cont2.py", "\n\n");
  const uint64_t slow = put(sp + "slowjson.py", "import json\n");
  const uint64_t cond = put(sp + "conditional.py", "W = 1\n");
  for (const char* lazy : {"indocstring", "typeonly", "neverloaded", "infunction",
                           "infunction2", "inclass", "inmethod", "instring", "incomment",
                           "notimported"})
    put(sp + lazy + ".py", "raise RuntimeError('not loaded eagerly')\n");
  put(sp + "sub/three.py.txt", "not a module\n");

  PackageWeigher w;
  auto r = w.weigh(ImportCosts::builtin(), Language::Python, path("proj/handler.py"), "pkg");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->bytes, sum({init, a, b, c, sub, two, cont1, cont2, slow, cond}));
  EXPECT_EQ(r->files, 10u);
  EXPECT_FALSE(r->truncated);
  EXPECT_EQ(r->path, path("proj/site-packages/pkg"));

  // A submodule: its parent packages run first.
  auto s = w.weigh(ImportCosts::builtin(), Language::Python, path("proj/handler.py"), "pkg.sub.two");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->bytes, sum({init, a, b, c, sub, two, cont1, cont2, slow, cond}));
  EXPECT_EQ(s->path, path(sp + "sub/two.py"));

  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::Python, path("proj/handler.py"), "os").has_value());
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::Python, path("proj/handler.py"), "notinstalled").has_value());
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::Python, path("proj/handler.py"), "..bad").has_value());
}

TEST_F(PackageWeigherTest, PythonFindsAVirtualEnvironmentUpToTheRepositoryTop) {
  put("outer/site-packages/aboveproject.py", "X = 1\n");
  put("outer/proj/.git/HEAD", "ref\n");
  const uint64_t mod =
      put("outer/proj/.venv/lib/python3.12/site-packages/venvmod.py", "import vendored\n");
  const uint64_t vendored = put("outer/proj/src/vendor/vendored.py", "V = 2\n");
  put("outer/proj/src/handlers/h.py", "import venvmod\n");

  PackageWeigher w;
  auto r = w.weigh(ImportCosts::builtin(), Language::Python, path("outer/proj/src/handlers/h.py"), "venvmod");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->bytes, mod + vendored);
  EXPECT_EQ(r->files, 2u);
  // Above the folder that holds .git is not the project's any more.
  EXPECT_FALSE(
      w.weigh(ImportCosts::builtin(), Language::Python, path("outer/proj/src/handlers/h.py"), "aboveproject").has_value());
}

TEST_F(PackageWeigherTest, PythonLayerLayouts) {
  put("proj/.git/HEAD", "ref\n");
  put("proj/fn/app.py", "import deep\n");
  const uint64_t deep = put("proj/layer/python/lib/python3.11/site-packages/deep/__init__.py",
                            "from deep import inner\n");
  const uint64_t inner =
      put("proj/layer/python/lib/python3.11/site-packages/deep/inner.py", "I = 1\n");
  // `python/` next to the handler, with installed distributions in it.
  dir("proj/fn/python/flat-1.0.dist-info");
  const uint64_t flat = put("proj/fn/python/flat.py", "F = 1\n");
  // A `python/` folder that is just source code is not a dependency folder.
  put("proj/python/appcode.py", "A = 1\n");

  PackageWeigher w;
  auto f = w.weigh(ImportCosts::builtin(), Language::Python, path("proj/fn/app.py"), "flat");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->bytes, flat);
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::Python, path("proj/fn/app.py"), "appcode").has_value());
  // The layer is not next to the handler: it is given with --package.
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::Python, path("proj/fn/app.py"), "deep").has_value());
  PackageWeigher withLayer({path("proj/layer")});
  auto d = withLayer.weigh(ImportCosts::builtin(), Language::Python, path("proj/fn/app.py"), "deep");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->bytes, deep + inner);
  EXPECT_EQ(d->files, 2u);
}

TEST_F(PackageWeigherTest, PythonSamBuildFolderIsItsOwnDependencyFolder) {
  put("src/app.py", "import requests\n");
  put("src/helper.py", "H = 1\n");
  const uint64_t app = put(".aws-sam/build/Fn/app.py", "import requests\n");
  dir(".aws-sam/build/Fn/requests-2.31.0.dist-info");
  const uint64_t req = put(".aws-sam/build/Fn/requests/__init__.py", "from . import api\n");
  const uint64_t api = put(".aws-sam/build/Fn/requests/api.py", "import urllib3\n");
  const uint64_t u3 = put(".aws-sam/build/Fn/urllib3.py", "U = 3\n");
  (void)app;

  PackageWeigher w;
  auto r = w.weigh(ImportCosts::builtin(), Language::Python, path(".aws-sam/build/Fn/app.py"), "requests");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->bytes, req + api + u3);
  EXPECT_EQ(r->files, 3u);
  // A plain source folder is not: the app's own modules are not weighed.
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::Python, path("src/app.py"), "helper").has_value());
}

TEST_F(PackageWeigherTest, PythonExtensionModulesAndNamespacePackages) {
  put("proj/.git/HEAD", "ref\n");
  put("proj/h.py", "import fast\n");
  const uint64_t so = put("proj/package/fast.cpython-311-x86_64-linux-gnu.so",
                          std::string(1000, '\0') + "import notscanned\n");
  put("proj/package/fast.py", "raise ImportError\n"); // the extension module wins
  put("proj/package/notscanned.py", "N = 1\n");
  const uint64_t ns = put("proj/package/nspkg/part.py", "from . import other\n");
  const uint64_t other = put("proj/package/nspkg/other.py", "O = 1\n");

  PackageWeigher w;
  auto f = w.weigh(ImportCosts::builtin(), Language::Python, path("proj/h.py"), "fast");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->bytes, so);
  EXPECT_EQ(f->files, 1u);
  auto p = w.weigh(ImportCosts::builtin(), Language::Python, path("proj/h.py"), "nspkg.part");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->bytes, ns + other);
  // A namespace package alone loads no code.
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::Python, path("proj/h.py"), "nspkg").has_value());
}

TEST_F(PackageWeigherTest, PythonSymlinkLoopsAndUnreadableNamesEnd) {
  put("proj/.git/HEAD", "ref\n");
  put("proj/h.py", "import loopy\n");
  const uint64_t init =
      put("proj/vendor/loopy/__init__.py", "import loopy.again.again.again\nimport loopy.bad\n");
  symlink(".", "proj/vendor/loopy/again");   // loopy/again -> loopy
  symlink("bad", "proj/vendor/loopy/bad.py"); // a symlink to itself
  symlink("b2", "proj/vendor/b1");
  symlink("b1", "proj/vendor/b2");

  PackageWeigher w;
  auto r = w.weigh(ImportCosts::builtin(), Language::Python, path("proj/h.py"), "loopy");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->bytes, init); // the same file under several names is counted once
  EXPECT_EQ(r->files, 1u);
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::Python, path("proj/h.py"), "b1").has_value());
}

TEST_F(PackageWeigherTest, TheCallersStandardLibraryIsNotWeighed) {
  // A user's import costs (a --catalogue's or .lambda-lint.yaml's `import-costs:`) can add to
  // the standard library lists; one weigher serves every profile, so each call says which.
  put("proj/.git/HEAD", "ref\n");
  put("proj/h.py", "import app_utils\n");
  const uint64_t utils = put("proj/package/app_utils.py", "import sitelib\n");
  const uint64_t site = put("proj/package/sitelib.py", "X = 1\n");
  put("proj/h.js", "require('mylib');\n");
  const uint64_t mylib = put("proj/node_modules/mylib/index.js", "require('corelib');\n");
  const uint64_t corelib = put("proj/node_modules/corelib/index.js", "module.exports = 1;\n");
  ImportCosts user = ImportCosts::builtin();
  user.merge(ImportCosts::parse("stdlib:\n  python: \"sitelib\"\n  javascript: \"corelib\"\n", "user.yaml"));

  PackageWeigher w;
  for (int round = 0; round < 2; ++round) { // the results are cached per standard library
    auto b = w.weigh(ImportCosts::builtin(), Language::Python, path("proj/h.py"), "app_utils");
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(b->bytes, utils + site);
    auto u = w.weigh(user, Language::Python, path("proj/h.py"), "app_utils");
    ASSERT_TRUE(u.has_value());
    EXPECT_EQ(u->bytes, utils);
    EXPECT_TRUE(w.weigh(ImportCosts::builtin(), Language::Python, path("proj/h.py"), "sitelib").has_value());
    EXPECT_FALSE(w.weigh(user, Language::Python, path("proj/h.py"), "sitelib").has_value());

    auto jb = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/h.js"), "mylib");
    ASSERT_TRUE(jb.has_value());
    EXPECT_EQ(jb->bytes, mylib + corelib);
    auto ju = w.weigh(user, Language::JavaScript, path("proj/h.js"), "mylib");
    ASSERT_TRUE(ju.has_value());
    EXPECT_EQ(ju->bytes, mylib);
    EXPECT_FALSE(w.weigh(user, Language::JavaScript, path("proj/h.js"), "corelib").has_value());
  }
}

// --- JavaScript --------------------------------------------------------------------------------

TEST_F(PackageWeigherTest, JavaScriptFollowsStaticRequiresFromMain) {
  put("proj/.git/HEAD", "ref\n");
  put("proj/src/fn/handler.js", "const a = require('a');\n");
  const std::string nm = "proj/node_modules/";
  const uint64_t pj = put(nm + "a/package.json", R"({"name": "a", "main": "lib/a"})");
  (void)pj; // package.json files are read, not loaded
  const uint64_t main = put(nm + "a/lib/a.js", R"JS(#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require("node:path");
const util = require('./util');
const b = require('b');
const data = require('../data.json');
// require('./commented')
/* require('./blockcommented') */
const s = "require('./instring')";
const re = /require\('.\/inregex'\)/;
const t = `require('./intemplate') ${x}`;
function later() { return require('./lazy'); }
const arrow = () => require('./lazyarrow');
const arrowBody = async (x) => { await x; require('./lazyarrowbody'); };
const compiled = Promise.resolve().then(() => __importStar(require('./compiledimport')));
(() => { require('./arrowiife'); })();
(function () { if (true) { require('./calliife'); } }.call(this));
const obj = { get thing() { return require('./lazygetter'); } };
module.exports.load = () => import('./dynamic.js');
(function () { require('./iife'); })();
!function () { require('./iife2'); }();
if (process.env.X) { require('./conditional'); }
module.exports = { util, b, data };
)JS");
  const uint64_t util = put(nm + "a/lib/util.js", "module.exports = require('./util2.cjs');\n");
  const uint64_t util2 = put(nm + "a/lib/util2.cjs", "module.exports = 2;\n");
  const uint64_t data = put(nm + "a/data.json", "{\"k\": 1}\n");
  const uint64_t iife = put(nm + "a/lib/iife.js", "1;\n");
  const uint64_t iife2 = put(nm + "a/lib/iife2.js", "2;\n");
  const uint64_t cond = put(nm + "a/lib/conditional/index.js", "3;\n");
  const uint64_t arrowIife = put(nm + "a/lib/arrowiife.js", "4;\n");
  const uint64_t callIife = put(nm + "a/lib/calliife.js", "5;\n");
  for (const char* lazy : {"commented", "blockcommented", "instring", "inregex", "intemplate",
                           "lazy", "lazyarrow", "lazyarrowbody", "compiledimport", "lazygetter",
                           "dynamic"})
    put(nm + "a/lib/" + lazy + ".js", "throw new Error('not loaded');\n");
  const uint64_t b = put(nm + "b/index.js", "module.exports = require('fs');\n");
  put(nm + "fs/index.js", "throw new Error('the built-in wins');\n");

  PackageWeigher w;
  auto r = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/src/fn/handler.js"), "a");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->bytes, sum({main, util, util2, data, iife, iife2, cond, arrowIife, callIife, b}));
  EXPECT_EQ(r->files, 10u);
  EXPECT_EQ(r->path, path(nm + "a/lib/a.js"));
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/src/fn/handler.js"), "fs").has_value());
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/src/fn/handler.js"), "./a").has_value());
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/src/fn/handler.js"), "nope").has_value());
  // TypeScript handlers resolve the same way.
  auto ts = w.weigh(ImportCosts::builtin(), Language::TypeScript, path("proj/src/fn/handler.ts"), "b");
  ASSERT_TRUE(ts.has_value());
  EXPECT_EQ(ts->bytes, b);
}

TEST_F(PackageWeigherTest, JavaScriptExportsConditionsAndSubpaths) {
  put("proj/.git/HEAD", "ref\n");
  put("proj/h.mjs", "import c from 'c';\n");
  const std::string c = "proj/node_modules/c/";
  put(c + "package.json", R"({
    "name": "c", "main": "./legacy.js",
    "exports": {
      ".": {"types": "./index.d.ts", "import": "./esm.mjs", "require": "./cjs.js"},
      "./sub": {"node": {"require": "./sub-node.js", "import": "./sub-node.mjs"},
                "default": "./sub.js"},
      "./feature/*": "./features/*.js",
      "./feature/internal/*": null,
      "./package.json": "./package.json"
    }})");
  const uint64_t cjs = put(c + "cjs.js", "module.exports = 1;\n");
  const uint64_t subNode = put(c + "sub-node.js", "module.exports = 2;\n");
  const uint64_t feature = put(c + "features/x.js", "module.exports = 3;\n");
  put(c + "features/internal/y.js", "4;\n");
  for (const char* unused : {"legacy.js", "esm.mjs", "sub.js", "sub-node.mjs"})
    put(c + unused, "throw new Error('not this one');\n");
  // ESM only: the `import` condition, and import/export statements.
  const std::string e = "proj/node_modules/esm-only/";
  put(e + "package.json", R"({"type": "module", "exports": {"import": "./index.mjs"}})");
  const uint64_t eIndex = put(e + "index.mjs", R"JS(
import def, { named as alias } from './dep.mjs';
import * as ns from "./ns.mjs";
import './side-effect.mjs';
import {
  a,
  b,
} from './multiline.mjs';
export * from './reexport.mjs';
export { x as y } from './reexport2.mjs';
export { def };
export const lazy = () => import('./dynamic.mjs');
const meta = import.meta.url;
)JS");
  uint64_t deps = 0;
  for (const char* dep : {"dep", "ns", "side-effect", "multiline", "reexport", "reexport2"})
    deps += put(e + dep + ".mjs", "export default 1;\n");
  put(e + "dynamic.mjs", "throw new Error('lazy');\n");
  // String shorthand and arrays of targets.
  put("proj/node_modules/short/package.json", R"({"exports": "./main.cjs"})");
  const uint64_t shortMain = put("proj/node_modules/short/main.cjs", "1;\n");
  put("proj/node_modules/arr/package.json", R"({"exports": {".": ["./missing.js", "./ok.js"]}})");
  const uint64_t arrOk = put("proj/node_modules/arr/ok.js", "1;\n");

  PackageWeigher w;
  const std::string h = path("proj/h.mjs");
  auto r = w.weigh(ImportCosts::builtin(), Language::JavaScript, h, "c");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->bytes, cjs);
  EXPECT_EQ(r->path, path(c + "cjs.js"));
  auto s = w.weigh(ImportCosts::builtin(), Language::JavaScript, h, "c/sub");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->bytes, subNode);
  auto f = w.weigh(ImportCosts::builtin(), Language::JavaScript, h, "c/feature/x");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->bytes, feature);
  // The longer pattern maps internal/* to null: not exported (and not found otherwise).
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::JavaScript, h, "c/feature/internal/y").has_value());
  auto esm = w.weigh(ImportCosts::builtin(), Language::JavaScript, h, "esm-only");
  ASSERT_TRUE(esm.has_value());
  EXPECT_EQ(esm->bytes, eIndex + deps);
  EXPECT_EQ(esm->files, 7u);
  auto sh = w.weigh(ImportCosts::builtin(), Language::JavaScript, h, "short");
  ASSERT_TRUE(sh.has_value());
  EXPECT_EQ(sh->bytes, shortMain);
  auto arr = w.weigh(ImportCosts::builtin(), Language::JavaScript, h, "arr");
  ASSERT_TRUE(arr.has_value());
  EXPECT_EQ(arr->bytes, arrOk);
}

TEST_F(PackageWeigherTest, JavaScriptScopedNestedAndImportsField) {
  put("proj/.git/HEAD", "ref\n");
  put("proj/services/api/handler.js", "require('@scope/pkg');\n");
  const uint64_t scoped = put("proj/node_modules/@scope/pkg/index.js",
                              "require('dep'); require('#internal'); require('@scope/pkg/extra');\n");
  put("proj/node_modules/@scope/pkg/package.json",
      R"({"imports": {"#internal": {"node": "./src/internal.js", "default": "./browser.js"}}})");
  const uint64_t internal = put("proj/node_modules/@scope/pkg/src/internal.js", "1;\n");
  const uint64_t extra = put("proj/node_modules/@scope/pkg/extra.js", "2;\n");
  // The package's own nested copy of `dep` wins over the top-level one.
  const uint64_t nested =
      put("proj/node_modules/@scope/pkg/node_modules/dep/index.js", "require('shared');\n");
  const uint64_t top = put("proj/node_modules/dep/index.js", "module.exports = 'top';\n");
  // ... and what the nested copy requires is found further up.
  const uint64_t shared = put("proj/node_modules/shared.js/index.js", "x;\n");
  const uint64_t sharedPkg = put("proj/node_modules/shared/index.js", "module.exports = 1;\n");
  (void)shared;
  // A node_modules next to the service is searched first.
  const uint64_t local = put("proj/services/api/node_modules/dep/index.js", "'local';\n");

  PackageWeigher w;
  auto r = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/services/api/handler.js"), "@scope/pkg");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->bytes, sum({scoped, internal, extra, nested, sharedPkg}));
  EXPECT_EQ(r->files, 5u);
  auto d = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/services/api/handler.js"), "dep");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->bytes, local);
  auto t = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/other.js"), "dep");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->bytes, top);
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/x.js"), "@scope").has_value());
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/x.js"), "@scope/pkg/../../dep").has_value());
}

TEST_F(PackageWeigherTest, JavaScriptPackageDirectories) {
  put("app/handler.js", "require('layered');\n");
  const uint64_t layered = put("layer/nodejs/node_modules/layered/index.js", "1;\n");
  const uint64_t deployed = put("dist/node_modules/deployed/index.js", "2;\n");
  const uint64_t bare = put("bare_modules/inbare/index.js", "3;\n");

  PackageWeigher none;
  EXPECT_FALSE(none.weigh(ImportCosts::builtin(), Language::JavaScript, path("app/handler.js"), "layered").has_value());
  PackageWeigher w({path("layer"), path("dist"), path("bare_modules"), path("missing")});
  auto l = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("app/handler.js"), "layered");
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->bytes, layered);
  auto d = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("app/handler.js"), "deployed");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->bytes, deployed);
  auto b = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("app/handler.js"), "inbare");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->bytes, bare);
}

TEST_F(PackageWeigherTest, JavaScriptMalformedPackagesAndLoops) {
  put("proj/.git/HEAD", "ref\n");
  put("proj/h.js", "require('bad');\n");
  const std::string nm = "proj/node_modules/";
  put(nm + "bad/package.json", "{ \"main\": \"nope.js\", ");
  const uint64_t badIndex = put(nm + "bad/index.js", "require('./self'); require('./linkloop');\n");
  symlink(".", nm + "bad/self");               // a folder that is itself
  symlink("linkloop2.js", nm + "bad/linkloop.js");
  symlink("linkloop.js", nm + "bad/linkloop2.js");
  put(nm + "odd/package.json", R"({"main": 42, "exports": {"require": {"default": 7}}})");
  const uint64_t oddIndex = put(nm + "odd/index.js", "require('./index.js'); require('odd');\n");
  put(nm + "arr/package.json", "[1, 2, 3]");
  const uint64_t arrIndex = put(nm + "arr/index.js", "require(\n  'unterminated\n");
  put(nm + "weird/package.json", R"({"exports": {".": {"require": {"require": {"require": {}}}}}})");
  put(nm + "empty/package.json", "");

  PackageWeigher w;
  auto b = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/h.js"), "bad");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->bytes, badIndex); // ./self resolves to index.js again
  EXPECT_EQ(b->files, 1u);
  auto o = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/h.js"), "odd");
  ASSERT_TRUE(o.has_value());
  EXPECT_EQ(o->bytes, oddIndex);
  auto a = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/h.js"), "arr");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->bytes, arrIndex);
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/h.js"), "weird").has_value());
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/h.js"), "empty").has_value());
}

TEST_F(PackageWeigherTest, HugeFilesAreCountedNotRead) {
  put("proj/.git/HEAD", "ref\n");
  std::string big = "require('./never');\n";
  big.resize(9u << 20, ' ');
  const uint64_t bigSize = put("proj/node_modules/big/index.js", big);
  put("proj/node_modules/big/never.js", "1;\n");
  PackageWeigher w;
  auto r = w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/h.js"), "big");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->bytes, bigSize);
  EXPECT_EQ(r->files, 1u);
}

TEST_F(PackageWeigherTest, ConcurrentCallersGetTheSameAnswers) {
  put("proj/.git/HEAD", "ref\n");
  uint64_t pyBytes = 0;
  uint64_t jsBytes = 0;
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    pyBytes += put("proj/site-packages/many/m" + n + ".py", "from . import m" +
                                                              std::to_string(i + 1) + "\n");
    jsBytes += put("proj/node_modules/many/m" + n + ".js", "require('./m" +
                                                             std::to_string(i + 1) + "');\n");
  }
  pyBytes += put("proj/site-packages/many/__init__.py", "from . import m0\n");
  jsBytes += put("proj/node_modules/many/index.js", "require('./m0');\n");

  PackageWeigher w;
  std::vector<std::thread> threads;
  std::vector<uint64_t> got(8, 0);
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 20; ++k) {
        const bool py = (t + size_t(k)) % 2 == 0;
        auto r = py ? w.weigh(ImportCosts::builtin(), Language::Python, path("proj/h" + std::to_string(k) + ".py"), "many")
                    : w.weigh(ImportCosts::builtin(), Language::JavaScript, path("proj/h.js"), "many");
        if (!r || r->bytes != (py ? pyBytes : jsBytes)) return;
      }
      got[t] = 1;
    });
  }
  for (auto& th : threads) th.join();
  for (uint64_t g : got) EXPECT_EQ(g, 1u);
}

TEST(PackageWeigher, CppIsNotWeighed) {
  PackageWeigher w;
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::Cpp, "/nonexistent/x.cpp", "anything").has_value());
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::Python, "", "x").has_value());
  EXPECT_FALSE(w.weigh(ImportCosts::builtin(), Language::JavaScript, "relative/file.js", "").has_value());
}

} // namespace

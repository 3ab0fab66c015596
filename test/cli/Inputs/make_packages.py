"""Builds dependency folders for test/cli/package-weighing.test: modules that the import-cost
catalogue does not list, whose code size decides whether they are heavy."""
import json
import os
import sys

root = sys.argv[1]


def write(path, text):
    path = os.path.join(root, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


pad = "# padding to make the module big\n"  # 34 bytes a line
# Python, vendored next to the handler: bigpkg loads core and extra (about 2 MB), not unused.py.
write("py/fn/vendor/bigpkg/__init__.py", "from .core import run\nfrom . import extra\n")
write("py/fn/vendor/bigpkg/core.py", "def run():\n    return 1\n" + pad * 40000)
write("py/fn/vendor/bigpkg/extra.py", "X = 1\n" + pad * 20000)
write("py/fn/vendor/bigpkg/unused.py", pad * 100000)
write("py/fn/vendor/smallpkg/__init__.py", "Y = 2\n")
write("py/fn/app.py", """import bigpkg
import smallpkg


def report(event):
    return bigpkg.run()


def lambda_handler(event, context):
    if event.get("report"):
        return report(event)
    return smallpkg.Y
""")
# The same handler elsewhere, with its dependencies given by --package.
write("py/src/app.py", open(os.path.join(root, "py/fn/app.py")).read())
write("py/deps/bigpkg/__init__.py", "from .core import run\n")
write("py/deps/bigpkg/core.py", "def run():\n    return 1\n" + pad * 60000)

# JavaScript: node_modules next to the handler; biglib's entry requires lib/a.js (about 600 KB).
write("js/node_modules/biglib/package.json", json.dumps({"name": "biglib", "version": "1.0.0", "main": "lib/index.js"}))
write("js/node_modules/biglib/lib/index.js", "module.exports = require('./a');\n")
write("js/node_modules/biglib/lib/a.js", "exports.run = () => 1;\n" + "// padding to make it big\n" * 24000)
write("js/node_modules/biglib/lib/lazy.js", "// only required lazily\n" * 100000)
write("js/handler.js", """const biglib = require("biglib");

async function report(event) {
  return biglib.run(event);
}

exports.handler = async (event) => {
  if (event.report) return report(event);
  return { ok: true };
};
""")

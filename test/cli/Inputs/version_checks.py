#!/usr/bin/env python3
"""version_checks.py SRC_ROOT: prints FileCheck lines for `lambda-lint --version`, with the
versions the build should report read from the sources: the project version from
CMakeLists.txt and the tree-sitter packages from package-lock.json (what `npm ci` installs)."""
import json
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
project = re.search(r"project\(lambda-lint VERSION ([0-9.]+)", (root / "CMakeLists.txt").read_text())
if not project:
    sys.exit("version_checks.py: no project(lambda-lint VERSION ...) in CMakeLists.txt")
packages = json.loads((root / "package-lock.json").read_text())["packages"]


def locked(name):
    entry = packages.get("node_modules/" + name)
    if not entry:
        sys.exit(f"version_checks.py: {name} is not in package-lock.json")
    return entry["version"]


print(f"CHECK: {{{{^}}}}lambda-lint {project.group(1)}{{{{$}}}}")
print("CHECK-NEXT: {{^}}  C++ frontend: {{Clang 16\\.[0-9]+\\.[0-9]+ LibTooling \\(LLVM 16\\.[0-9]+\\.[0-9]+\\)|not built .*}}{{$}}")
print(f"CHECK-NEXT: {{{{^}}}}  tree-sitter {locked('tree-sitter')}{{{{$}}}}")
for grammar in ("tree-sitter-python", "tree-sitter-javascript", "tree-sitter-typescript"):
    print(f"CHECK-NEXT: {{{{^}}}}    {grammar} {locked(grammar)}{{{{$}}}}")
print("CHECK-NEXT: {{^}}  data: ")

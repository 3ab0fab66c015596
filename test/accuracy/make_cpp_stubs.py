#!/usr/bin/env python3
"""Create empty placeholder headers for the AWS SDK for C++ headers the dev set's C++ files include.

The AWS SDK for C++ is not installed where the dev set is scored, and a missing #include is a
fatal error that stops Clang before it reaches the handler. The stub headers of the test suite
(test/cpp/include) declare the common clients and the runtime; every other `aws/...` header the
dev set includes is created here as an empty file, so that Clang gets past the #include and
lambda-lint analyses the file with error recovery. Nothing is copied from any SDK.

usage: make_cpp_stubs.py [--src /work/devset/src] [--out /work/devset/cpp-stubs]
"""

import argparse
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
LINT_ROOT = os.path.dirname(os.path.dirname(HERE))
INCLUDE = re.compile(r'#\s*include\s*<(aws/[^>]+)>')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="/work/devset/src")
    ap.add_argument("--out", default="/work/devset/cpp-stubs")
    args = ap.parse_args()
    have = os.path.join(LINT_ROOT, "test", "cpp", "include")
    made = 0
    for dirpath, dirnames, filenames in os.walk(args.src):
        dirnames[:] = [d for d in dirnames if d not in (".git", "node_modules")]
        for name in filenames:
            if not name.endswith((".cpp", ".cc", ".cxx", ".h", ".hpp")):
                continue
            try:
                with open(os.path.join(dirpath, name), errors="replace") as f:
                    text = f.read()
            except OSError:
                continue
            for header in INCLUDE.findall(text):
                if os.path.exists(os.path.join(have, header)):
                    continue
                path = os.path.join(args.out, header)
                if not os.path.exists(path):
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    open(path, "w").close()
                    made += 1
    print(f"{made} empty headers created under {args.out}")


if __name__ == "__main__":
    main()

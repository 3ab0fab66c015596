#!/usr/bin/env python3
"""compare_compiles.py BEFORE_DIR AFTER_DIR: every Python file that compiled before `--fix`
still compiles after it, and at least one file was changed (so the check has something to say)."""
import os
import sys

before, after = sys.argv[1], sys.argv[2]
changed = broken = 0
for name in sorted(os.listdir(before)):
    if not name.endswith(".py"):
        continue
    old = open(os.path.join(before, name), "rb").read()
    new = open(os.path.join(after, name), "rb").read()
    if old == new:
        continue
    changed += 1
    try:
        compile(old, name, "exec")
    except (SyntaxError, ValueError):
        continue
    try:
        compile(new, name, "exec")
    except (SyntaxError, ValueError) as e:
        broken += 1
        print(f"{name}: compiled before --fix, not after: {e}")
print(f"{changed} Python files changed by --fix, {broken} broken")
sys.exit(1 if broken or not changed else 0)

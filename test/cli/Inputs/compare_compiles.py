#!/usr/bin/env python3
"""compare_compiles.py BEFORE_DIR AFTER_DIR: every Python file that compiled before `--fix`
still compiles after it, every JavaScript file that `node --check` accepted before is still
accepted, and at least one file of each language was changed (so the check has something to
say)."""
import os
import shutil
import subprocess
import sys

before, after = sys.argv[1], sys.argv[2]
JS = (".js", ".mjs", ".cjs")


def node_ok(path):
    return subprocess.run(["node", "--check", path], capture_output=True).returncode == 0


def python_ok(data, name):
    try:
        compile(data, name, "exec")
        return True
    except (SyntaxError, ValueError):
        return False


counts = {"Python": [0, 0], "JavaScript": [0, 0]}  # changed, broken
node = shutil.which("node")
for name in sorted(os.listdir(before)):
    language = "Python" if name.endswith(".py") else "JavaScript" if name.endswith(JS) else None
    if language is None or (language == "JavaScript" and not node):
        continue
    old_path, new_path = os.path.join(before, name), os.path.join(after, name)
    old, new = open(old_path, "rb").read(), open(new_path, "rb").read()
    if old == new:
        continue
    counts[language][0] += 1
    if language == "Python":
        was_ok, is_ok = python_ok(old, name), python_ok(new, name)
    else:
        was_ok = node_ok(old_path)
        is_ok = not was_ok or node_ok(new_path)
    if was_ok and not is_ok:
        counts[language][1] += 1
        print(f"{name}: parsed before --fix, not after")
for language, (changed, broken) in counts.items():
    print(f"{changed} {language} files changed by --fix, {broken} broken")
failed = any(broken for _, broken in counts.values()) or not counts["Python"][0] or (
    node and not counts["JavaScript"][0])
sys.exit(1 if failed else 0)

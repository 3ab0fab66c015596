#!/usr/bin/env python3
"""A stand-in for lambda-lint, for the self-tests of check_lambda_lint.py only.

It speaks lambda-lint's command line (--format text|json, --select, --fix, --unsafe-fixes, files)
and output formats, but its findings come from a JSON spec named by $FAKE_LAMBDA_LINT_SPEC:

    {"findings": [{"rule": "client-in-handler", "match": "boto3.client(",
                   "message": "...", "level": "warning",
                   "fix": {"applicability": "safe", "replacement": "..."}}],
     "exit": 2}

Each finding is reported at every occurrence of `match` in a linted file; its fix replaces the
matched text with `replacement`. Once a fix has removed the text, the finding is gone, as with
the real tool. "exit" overrides the exit status. A .py file that does not compile gets a
"syntax error" notice.
"""

import argparse
import json
import os
import sys


def position(text, offset):
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def find(text, spec, selected):
    out = []
    for f in spec.get("findings", []):
        if selected and f["rule"] not in selected:
            continue
        start = text.find(f["match"])
        while start != -1:
            out.append((start, start + len(f["match"]), f))
            start = text.find(f["match"], start + 1)
    return sorted(out, key=lambda x: x[0])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--format", default="text")
    p.add_argument("--select", default="")
    p.add_argument("--fix", action="store_true")
    p.add_argument("--unsafe-fixes", action="store_true")
    p.add_argument("--handler", action="append")
    p.add_argument("files", nargs="+")
    args = p.parse_args()
    with open(os.environ["FAKE_LAMBDA_LINT_SPEC"]) as f:
        spec = json.load(f)
    selected = set(filter(None, args.select.split(",")))
    applied = {"safe", "unsafe"} if args.unsafe_fixes else {"safe"}

    findings, notices, text_lines, fixed = [], [], [], 0
    for path in args.files:
        with open(path) as f:
            text = f.read()
        if path.endswith(".py"):
            try:
                compile(text, path, "exec")
            except SyntaxError as e:
                notices.append({"level": "warning", "path": path, "line": e.lineno or 1,
                                "column": e.offset or 1, "message": f"syntax error: {e.msg}"})
        matches = find(text, spec, selected)
        for begin, end, f in matches:
            line, col = position(text, begin)
            end_line, end_col = position(text, end)
            fixes = []
            if "fix" in f:
                fixes.append({"description": "fake fix", "applicability": f["fix"]["applicability"],
                              "edits": [{"path": path, "line": line, "column": col, "end_line": end_line,
                                         "end_column": end_col, "text": f["fix"]["replacement"]}]})
            level = f.get("level", "warning")
            findings.append({"rule": f["rule"], "level": level, "path": path, "line": line,
                             "column": col, "end_line": end_line, "end_column": end_col,
                             "message": f["message"], "related": [], "fixes": fixes})
            text_lines.append(f"{path}:{line}:{col}: {level}: {f['message']} [{f['rule']}]")
            source_line = text.splitlines()[line - 1]
            text_lines.append(f"  {source_line}")
            text_lines.append("  " + " " * (col - 1) + "^")
        if args.fix:
            new = text
            for begin, end, f in reversed(matches):
                if f.get("fix", {}).get("applicability") in applied:
                    new = new[:begin] + f["fix"]["replacement"] + new[end:]
                    fixed += 1
            if new != text:
                with open(path, "w") as out:
                    out.write(new)
                text = new

    if args.format == "json":
        print(json.dumps({"version": 1, "findings": findings, "notices": notices}, indent=2))
    else:
        for line in text_lines:
            print(line)
        for n in notices:
            print(f"{n['path']}:{n['line']}:{n['column']}: {n['level']}: {n['message']}")
        print(f"Found {len(findings)} finding(s) ({fixed} fixed).")
    if "exit" in spec:
        return spec["exit"]
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())

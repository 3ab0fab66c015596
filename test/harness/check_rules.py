#!/usr/bin/env python3
"""Checks that every rule of the one list of checks is documented, indexed and tested.

usage: check_rules.py --binary LAMBDA_LINT [--root DIR]

The list is the rule index in docs/README.md (the build registers the checks from it,
cmake/CheckList.cmake); the binary says what it registered (`--list-rules --format json`). For
every rule:
  - the binary and the index list the same rules in the same order, and the index row's
    "Languages" column names the rule's languages;
  - docs/rules/RULE.md exists and has the sections a rule page has, in order, and
    `--explain RULE` prints it;
  - a lit test exists for each language it reads: test/rules/<python|javascript|cpp>/RULE*.<ext>
    (TypeScript: .ts, .tsx, .mts or .cts under javascript/), and for package rules a lit test
    under test/ that names the rule;
  - checks/<Name>.cpp defines it (the id in its RuleInfo).
Prints one line per problem and exits 1 when there is any, 0 otherwise.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

from markdown_rows import section_matches

SECTIONS = ["What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "References"]
LANGUAGE_NAMES = {"python": "Python", "javascript": "JavaScript", "typescript": "TypeScript",
                  "cpp": "C++"}
TEST_GLOBS = {
    "python": ("python", (".py",)),
    "javascript": ("javascript", (".js", ".mjs", ".cjs", ".jsx")),
    "typescript": ("javascript", (".ts", ".tsx", ".mts", ".cts")),
    "cpp": ("cpp", (".cpp", ".cc", ".cxx")),
}
ROW = re.compile(r"^\|\s*\[`([a-z0-9-]+)`\]\(rules/([a-z0-9-]+)\.md\)\s*\|\s*([^|]*)\|")


def index_rows(path):
    return [(m.group(1), m.group(3).strip()) for m in section_matches(path, "Rules", ROW)]


def camel(rule_id):
    return "".join(w[:1].upper() + w[1:] for w in rule_id.split("-"))


def lit_tests_naming(root, rule_id):
    found = []
    for path in glob.glob(os.path.join(root, "test", "**", "*"), recursive=True):
        if "/unit/" in path or "/Inputs/" in path or not os.path.isfile(path):
            continue
        if not path.endswith((".test", ".py", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts",
                              ".tsx", ".cpp")):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        if "RUN:" in text and rule_id in text:
            found.append(path)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    problems = []
    listed = json.loads(subprocess.run([args.binary, "--list-rules", "--format", "json"],
                                       check=True, capture_output=True, text=True).stdout)["rules"]
    index = os.path.join(root, "docs", "README.md")
    rows = index_rows(index)
    if [r["id"] for r in listed] != [r[0] for r in rows]:
        problems.append(f"docs/README.md: the rule index lists {[r[0] for r in rows]}, the "
                        f"binary registers {[r['id'] for r in listed]}")
    languages_column = dict(rows)
    for rule in listed:
        rid = rule["id"]
        langs = rule["languages"]
        column = languages_column.get(rid)
        if column is not None and "package" not in langs:
            named = [LANGUAGE_NAMES[l] for l in langs]
            if [s.strip() for s in column.split(",")] != named:
                problems.append(f"docs/README.md: the index row of {rid} names the languages "
                                f"'{column}', the rule reads {', '.join(named)}")
        page = os.path.join(root, "docs", "rules", rid + ".md")
        if not os.path.isfile(page):
            problems.append(f"docs/rules/{rid}.md: missing (the rule's page)")
        else:
            with open(page, encoding="utf-8") as f:
                headings = [l[3:].strip() for l in f if l.startswith("## ")]
            order = [h for h in headings if h in SECTIONS]
            if order != SECTIONS:
                problems.append(f"docs/rules/{rid}.md: sections {order}, a rule page has "
                                f"{SECTIONS} in that order")
            explained = subprocess.run([args.binary, "--explain", rid], capture_output=True,
                                       text=True)
            if explained.returncode != 0 or "What it does" not in explained.stdout:
                problems.append(f"--explain {rid} does not print its page")
        source = os.path.join(root, "checks", camel(rid) + ".cpp")
        if not os.path.isfile(source):
            problems.append(f"checks/{camel(rid)}.cpp: missing (the rule's check)")
        else:
            with open(source, encoding="utf-8") as f:
                text = f.read()
            if f'"{rid}"' not in text and "kUnusedSuppressionRule" not in text:
                problems.append(f"checks/{camel(rid)}.cpp: does not name the rule id \"{rid}\"")
        if "package" in langs:
            if not lit_tests_naming(root, rid):
                problems.append(f"{rid}: no lit test under test/ names the rule")
            continue
        for lang in langs:
            folder, exts = TEST_GLOBS[lang]
            tests = [p for p in glob.glob(os.path.join(root, "test", "rules", folder, rid + "*"))
                     if p.endswith(exts) and re.match(re.escape(rid) + r"([-.]|$)",
                                                      os.path.basename(p))]
            if not tests:
                problems.append(f"{rid}: no {LANGUAGE_NAMES[lang]} test "
                                f"(test/rules/{folder}/{rid}*{'|'.join(exts)})")
    for p in problems:
        print(p)
    if not problems:
        print(f"check_rules: {len(listed)} rules, each with its page, index row, check and tests")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks lambda-lint's parts against the arrows of docs/architecture.md.

usage: check_arrows.py [--root DIR] [--list]

Reads the table under "## Parts and arrows" in DIR/docs/architecture.md (a row per part: the
part's folder and the parts it may use), then
  - lists each part's includes of the project's own headers (`#include "part/..."`) and reports
    every include of a part that is not the part itself nor one it may use;
  - reports a part whose CMakeLists.txt `DEPENDS` differ from the table (the build makes only
    those parts' headers visible to the part, cmake/Parts.cmake), and a source folder with a
    CMakeLists.txt that the table does not list.
With --list, prints each part's arrows as found in its includes. Exit 0 when all agree, 1 on any
forbidden arrow or disagreement (each on one line: FILE:LINE: message), 2 on a usage error.
"""
import argparse
import os
import re
import sys

from markdown_rows import section_matches

INCLUDE = re.compile(r'^\s*#\s*include\s+"([A-Za-z_]+)/[^"]+"')
ROW = re.compile(r"^\|\s*`([a-z]+)/`\s*\|\s*(.*?)\s*\|")
SOURCE_EXT = (".cpp", ".h", ".cc", ".hpp")


def read_table(path):
    """{part: set(parts it may use)} from the Markdown table of the parts section."""
    return {m.group(1): set(re.findall(r"`([a-z]+)/`", m.group(2)))
            for m in section_matches(path, "Parts and arrows", ROW)}


def cmake_depends(path):
    """The DEPENDS list of a lambda_lint_part() or lambda_lint_uses() call, or None."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"lambda_lint_part\(\s*\w+(.*?)\)", text, re.S)
    if m:
        d = re.search(r"DEPENDS\s+([\w\s]+?)(?:\n\s*[A-Z]+\s|\s*$)", m.group(1) + "\n", re.S)
        return set(d.group(1).split()) if d else set()
    m = re.search(r"lambda_lint_uses\(\s*\S+\s+([\w\s]+?)\)", text, re.S)
    if m:
        return set(m.group(1).split())
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    doc = os.path.join(root, "docs", "architecture.md")
    if not os.path.isfile(doc):
        print(f"check_arrows: no {doc}", file=sys.stderr)
        return 2
    arrows = read_table(doc)
    if not arrows:
        print(f"{doc}: no table under '## Parts and arrows'", file=sys.stderr)
        return 2
    problems = []
    found = {p: set() for p in arrows}
    for part in sorted(arrows):
        folder = os.path.join(root, part)
        if not os.path.isdir(folder):
            problems.append(f"{doc}: part `{part}/` has no folder")
            continue
        for dirpath, _, files in os.walk(folder):
            for name in sorted(files):
                if not name.endswith(SOURCE_EXT):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                with open(path, encoding="utf-8", errors="replace") as f:
                    for n, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m or m.group(1) not in arrows:
                            continue
                        target = m.group(1)
                        if target == part:
                            continue
                        found[part].add(target)
                        if target not in arrows[part]:
                            allowed = ", ".join(sorted(arrows[part])) or "no other part"
                            problems.append(f"{rel}:{n}: {part}/ may not include {target}/ "
                                            f"(it may use {allowed}; docs/architecture.md)")
        cmake = os.path.join(folder, "CMakeLists.txt")
        if os.path.isfile(cmake):
            deps = cmake_depends(cmake)
            if deps is not None:
                deps.discard(part)
                if deps != arrows[part]:
                    problems.append(
                        f"{os.path.relpath(cmake, root)}:1: {part}/ depends on "
                        f"{', '.join(sorted(deps)) or 'nothing'} in the build but may use "
                        f"{', '.join(sorted(arrows[part])) or 'nothing'} in docs/architecture.md")
    for entry in sorted(os.listdir(root)):
        if entry in arrows or entry in ("test", "bench", "examples", "build") or entry.startswith("."):
            continue
        if os.path.isfile(os.path.join(root, entry, "CMakeLists.txt")):
            problems.append(f"{entry}/CMakeLists.txt:1: `{entry}/` is built but is not a part "
                            "in docs/architecture.md")
    if args.list:
        for part in sorted(arrows):
            print(f"{part}/ -> " + (", ".join(f"{t}/" for t in sorted(found[part])) or "(nothing)"))
    for p in problems:
        print(p)
    if not problems:
        print(f"check_arrows: {len(arrows)} parts, every include follows an arrow")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

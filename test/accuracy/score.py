#!/usr/bin/env python3
"""Score a lambda-lint binary against the hand-judged dev set of public Lambda code.

Runs the binary on every repository listed in repos.tsv (checked out under --src), matches
its findings to judgments.tsv by (repo, path, line, rule) and prints, per rule, precision over
the judged findings and recall over the judged true issues. See README.md in this folder.

Plain Python 3, standard library only.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LINT_ROOT = os.path.dirname(os.path.dirname(HERE))


def read_tsv(path, ncols):
    """Rows of a tab-separated file, skipping blank lines and lines starting with '#'.
    Empty fields are kept (consecutive tabs are not collapsed)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < ncols:
                fields += [""] * (ncols - len(fields))
            rows.append((lineno, fields))
    return rows


def load_repos(path, stubs):
    repos = []
    for _, f in read_tsv(path, 5):
        repos.append({
            "repo": f[0], "commit": f[1], "folder": f[2],
            "subfolders": [s for s in f[3].split(",") if s],
            "extra": [a.replace("{lint}", LINT_ROOT).replace("{stubs}", stubs) for a in f[4].split()],
        })
    return repos


def load_judgments(path, errors):
    judgments = {}
    for lineno, f in read_tsv(path, 7):
        repo, commit, rel, line, rule, expected, reason = f[:7]
        if expected not in ("warn", "quiet"):
            errors.append(f"{path}:{lineno}: expected must be warn or quiet, not {expected!r}")
            continue
        try:
            line = int(line)
        except ValueError:
            errors.append(f"{path}:{lineno}: line is not a number: {line!r}")
            continue
        key = (repo, rel, line, rule)
        if key in judgments and judgments[key]["expected"] != expected:
            errors.append(f"{path}:{lineno}: contradicts an earlier judgment of {key}")
        judgments[key] = {"expected": expected, "reason": reason, "commit": commit}
    return judgments


def load_judged_files(path):
    files = set()
    if os.path.exists(path):
        for _, f in read_tsv(path, 3):
            files.add((f[0], f[1]))
    return files


def run_repo(binary, src, repo, jobs, save_dir, runs_dir):
    """Findings of one repository: from a saved run in runs_dir, or by running the binary."""
    if runs_dir:
        saved = os.path.join(runs_dir, repo["folder"] + ".json")
        if not os.path.exists(saved):
            return None, f"no saved run {saved}"
        with open(saved, encoding="utf-8") as f:
            text = f.read()
    else:
        cwd = os.path.join(src, repo["folder"])
        cmd = [binary, "--format", "json", "--no-config", "-j", str(jobs)] + repo["extra"]
        cmd += repo["subfolders"] or ["."]
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
        text = proc.stdout
        if save_dir:
            os.makedirs(save_dir, exist_ok=True)
            with open(os.path.join(save_dir, repo["folder"] + ".json"), "w") as f:
                f.write(text)
            with open(os.path.join(save_dir, repo["folder"] + ".err"), "w") as f:
                f.write(proc.stderr)
        if proc.returncode not in (0, 1):
            return None, f"exit status {proc.returncode}: {proc.stderr.strip()[:300]}"
    try:
        data = json.loads(text)
    except ValueError as e:
        return None, f"output is not JSON: {e}"
    return data, None


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "    -"


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default="/work/devset/src",
                    help="folder holding the checkouts named in repos.tsv (default %(default)s)")
    ap.add_argument("--binary", default=os.path.join(LINT_ROOT, "build", "bin", "lambda-lint"),
                    help="lambda-lint binary to score (default: build/bin/lambda-lint)")
    ap.add_argument("--repos", default=os.path.join(HERE, "repos.tsv"))
    ap.add_argument("--judgments", default=os.path.join(HERE, "judgments.tsv"))
    ap.add_argument("--judged-files", default=os.path.join(HERE, "judged-files.tsv"))
    ap.add_argument("--cpp-stubs", default="/work/devset/cpp-stubs",
                    help="empty AWS SDK for C++ headers made by make_cpp_stubs.py (default %(default)s)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="lambda-lint -j (default 2)")
    ap.add_argument("--save-runs", metavar="DIR", help="also save each repo's raw JSON output in DIR")
    ap.add_argument("--runs", metavar="DIR",
                    help="score saved JSON outputs (DIR/<folder>.json) instead of running the binary")
    ap.add_argument("--json", metavar="OUT", help="write the scored numbers as JSON to OUT")
    ap.add_argument("--unjudged", choices=("all", "judged-files", "none"), default="all",
                    help="which unjudged findings to list (default all)")
    args = ap.parse_args()

    for p in (args.repos, args.judgments):
        if not os.path.exists(p):
            print(f"score.py: {p} does not exist", file=sys.stderr)
            return 2
    if not args.runs and not os.access(args.binary, os.X_OK):
        print(f"score.py: {args.binary} is not an executable lambda-lint", file=sys.stderr)
        return 2
    if not os.path.isdir(args.src):
        print(f"score.py: --src {args.src} is not a folder (see README.md: bring the sources in)",
              file=sys.stderr)
        return 2

    errors = []
    repos = load_repos(args.repos, args.cpp_stubs)
    judgments = load_judgments(args.judgments, errors)
    judged_files = load_judged_files(args.judged_files)
    for e in errors:
        print("warning: " + e, file=sys.stderr)

    problems = []
    findings = {}  # key -> finding
    files_analysed = 0
    for repo in repos:
        folder = os.path.join(args.src, repo["folder"])
        if not os.path.isdir(folder):
            problems.append(f"{repo['repo']}: {folder} is missing; not scored")
            continue
        commit_file = os.path.join(folder, ".commit")
        if os.path.exists(commit_file):
            with open(commit_file) as f:
                have = f.read().strip()
            if have != repo["commit"]:
                problems.append(f"{repo['repo']}: checkout is at {have}, repos.tsv says "
                                f"{repo['commit']}; line numbers may not match the judgments")
        else:
            problems.append(f"{repo['repo']}: no .commit file in {folder}; commit not checked")
        data, err = run_repo(args.binary, args.src, repo, args.jobs, args.save_runs, args.runs)
        if err:
            problems.append(f"{repo['repo']}: {err}")
            continue
        files_analysed += data.get("summary", {}).get("files", 0)
        for f in data.get("findings", []):
            key = (repo["repo"], f["path"], f["line"], f["rule"])
            findings.setdefault(key, f)

    rules = sorted({k[3] for k in findings} | {k[3] for k in judgments})
    stats = collections.OrderedDict()
    for rule in rules:
        s = stats[rule] = {"findings": 0, "judged": 0, "tp": 0, "fp": 0,
                           "true_issues": 0, "found": 0,
                           "true_issues_exhaustive": 0, "found_exhaustive": 0,
                           "unjudged_in_judged_files": 0, "unjudged_elsewhere": 0,
                           "notes": 0, "notes_judged": 0, "notes_tp": 0}
    unjudged = []
    false_pos, false_neg = [], []
    for key, f in sorted(findings.items()):
        s = stats[key[3]]
        j = judgments.get(key)
        if f.get("level") == "note":
            # A note says less, with its reason: it is not a warning, so precision (of what the
            # tool asserts) leaves it out; recall counts it as found.
            s["notes"] += 1
            if j is not None:
                s["notes_judged"] += 1
                s["notes_tp"] += j["expected"] == "warn"
            continue
        s["findings"] += 1
        if j is None:
            in_judged = (key[0], key[1]) in judged_files
            s["unjudged_in_judged_files" if in_judged else "unjudged_elsewhere"] += 1
            unjudged.append((in_judged, key, f.get("message", "")))
            continue
        s["judged"] += 1
        if j["expected"] == "warn":
            s["tp"] += 1
        else:
            s["fp"] += 1
            false_pos.append((key, j["reason"]))
    for key, j in sorted(judgments.items()):
        if j["expected"] != "warn":
            continue
        s = stats[key[3]]
        hit = key in findings
        s["true_issues"] += 1
        s["found"] += hit
        if (key[0], key[1]) in judged_files:
            s["true_issues_exhaustive"] += 1
            s["found_exhaustive"] += hit
        if not hit:
            false_neg.append((key, j["reason"]))

    for p in problems:
        print("note: " + p)
    print(f"binary: {args.runs or args.binary}")
    print(f"repos: {len(repos)}  files analysed: {files_analysed}  findings: {len(findings)}  "
          f"judgments: {len(judgments)}  exhaustively judged files: {len(judged_files)}")
    print()
    hdr = (f"{'rule':<26}{'findings':>9}{'judged':>8}{'TP':>5}{'FP':>5}{'precision':>11}"
           f"{'issues':>8}{'found':>7}{'recall':>8}{'issues*':>9}{'found*':>8}{'recall*':>9}"
           f"{'unj.JF':>8}{'notes':>7}{'n.TP/jdg':>10}")
    print(hdr)
    print("-" * len(hdr))
    tot = collections.Counter()
    for rule, s in stats.items():
        tot.update(s)
        print(f"{rule:<26}{s['findings']:>9}{s['judged']:>8}{s['tp']:>5}{s['fp']:>5}"
              f"{pct(s['tp'], s['judged']):>11}{s['true_issues']:>8}{s['found']:>7}"
              f"{pct(s['found'], s['true_issues']):>8}{s['true_issues_exhaustive']:>9}"
              f"{s['found_exhaustive']:>8}{pct(s['found_exhaustive'], s['true_issues_exhaustive']):>9}"
              f"{s['unjudged_in_judged_files']:>8}{s['notes']:>7}"
              f"{str(s['notes_tp']) + '/' + str(s['notes_judged']):>10}")
    print("-" * len(hdr))
    print(f"{'all rules':<26}{tot['findings']:>9}{tot['judged']:>8}{tot['tp']:>5}{tot['fp']:>5}"
          f"{pct(tot['tp'], tot['judged']):>11}{tot['true_issues']:>8}{tot['found']:>7}"
          f"{pct(tot['found'], tot['true_issues']):>8}{tot['true_issues_exhaustive']:>9}"
          f"{tot['found_exhaustive']:>8}{pct(tot['found_exhaustive'], tot['true_issues_exhaustive']):>9}"
          f"{tot['unjudged_in_judged_files']:>8}{tot['notes']:>7}"
          f"{str(tot['notes_tp']) + '/' + str(tot['notes_judged']):>10}")
    print()
    print("findings  = warnings and errors; notes (the tool says less, with its reason) are counted")
    print("            apart: notes, and n.TP/jdg = judged notes that are true issues")
    print("precision = TP / (TP + FP) over warnings that have a judgment at (repo, path, line, rule)")
    print("recall    = found / issues over judgments expected=warn (found: a finding, note or not, at")
    print("            that line); issues*/found*/recall*: only issues in exhaustively judged files")
    print("            (judged-files.tsv), the unbiased recall estimate")
    print("unj.JF    = unjudged findings in exhaustively judged files (false-positive candidates)")

    if false_pos:
        print("\nfalse positives (finding judged quiet):")
        for key, reason in false_pos:
            print(f"  {key[3]}  {key[0]}  {key[1]}:{key[2]}  -- {reason}")
    if false_neg:
        print("\nfalse negatives (true issue not reported):")
        for key, reason in false_neg:
            print(f"  {key[3]}  {key[0]}  {key[1]}:{key[2]}  -- {reason}")
    if unjudged and args.unjudged != "none":
        shown = [u for u in unjudged if args.unjudged == "all" or u[0]]
        if shown:
            print("\nunjudged findings (judge them next; '!' = in an exhaustively judged file, "
                  "a false-positive candidate):")
            for in_judged, key, msg in sorted(shown, key=lambda u: (not u[0], u[1])):
                print(f"  {'!' if in_judged else ' '} {key[3]}  {key[0]}  {key[1]}:{key[2]}  "
                      f"{msg[:110]}")

    if args.json:
        out = {
            "binary": args.runs or args.binary,
            "repos": len(repos), "files_analysed": files_analysed,
            "findings": len(findings), "judgments": len(judgments),
            "judged_files": len(judged_files), "problems": problems,
            "rules": {r: dict(s, precision=(s["tp"] / s["judged"] if s["judged"] else None),
                              recall=(s["found"] / s["true_issues"] if s["true_issues"] else None),
                              recall_exhaustive=(s["found_exhaustive"] / s["true_issues_exhaustive"]
                                                 if s["true_issues_exhaustive"] else None))
                      for r, s in stats.items()},
            "false_positives": [list(k) + [r] for k, r in false_pos],
            "false_negatives": [list(k) + [r] for k, r in false_neg],
            "unjudged": [list(k) + [j] for j, k, _ in unjudged],
        }
        with open(args.json, "w") as f:
            json.dump(out, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())

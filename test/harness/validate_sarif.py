#!/usr/bin/env python3
"""validate_sarif.py --multitool SARIF.MULTITOOL [--expect-problems] LOG.sarif...

Checks SARIF logs the way GitHub code scanning will take them (lit: `%validate-sarif LOG...`):

- `Sarif.Multitool validate --rule-kind "Gh;Sarif"` (the SARIF SDK's validator with GitHub's
  ingestion rules) reports no error and no warning. The multitool exits 0 whatever it finds, so
  its own output log is read.
- What upload-sarif and GitHub reject: more than 20 runs, two runs of the same tool and category
  (runs[].automationDetails.id), more than 25,000 results in a run, 1,000 locations in a result,
  25,000 rules in a run or 20 tags in a rule.

With --expect-problems it succeeds only if the validator does report a problem (the self-check
that a broken log is caught)."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

MAX_RUNS = 20
MAX_RESULTS = 25000
MAX_LOCATIONS = 1000
MAX_RULES = 25000
MAX_TAGS = 20


def github_limits(log):
    """Problems GitHub would reject the upload for."""
    problems = []
    runs = log.get("runs", [])
    if len(runs) > MAX_RUNS:
        problems.append(f"{len(runs)} runs, GitHub takes at most {MAX_RUNS}")
    seen = set()
    for i, run in enumerate(runs):
        driver = run.get("tool", {}).get("driver", {})
        key = (driver.get("name"), driver.get("fullName"), driver.get("version"),
               driver.get("semanticVersion"), driver.get("guid"),
               (run.get("automationDetails") or {}).get("id"))
        if key in seen:
            problems.append(f"run {i} has the same tool and category as an earlier run: {key}")
        seen.add(key)
        results = run.get("results", [])
        if len(results) > MAX_RESULTS:
            problems.append(f"run {i}: {len(results)} results, GitHub takes at most {MAX_RESULTS}")
        for j, r in enumerate(results):
            n = len(r.get("locations", [])) + len(r.get("relatedLocations", []))
            if n > MAX_LOCATIONS:
                problems.append(f"run {i} result {j}: {n} locations, GitHub takes at most {MAX_LOCATIONS}")
        rules = driver.get("rules", [])
        if len(rules) > MAX_RULES:
            problems.append(f"run {i}: {len(rules)} rules, GitHub takes at most {MAX_RULES}")
        for rule in rules:
            tags = rule.get("properties", {}).get("tags", [])
            if len(tags) > MAX_TAGS:
                problems.append(f"rule {rule.get('id')}: {len(tags)} tags, GitHub takes at most {MAX_TAGS}")
    return problems


def validator_problems(multitool, path):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "validation.sarif")
        proc = subprocess.run([multitool, "validate", "--rule-kind", "Gh;Sarif", "-o", out, path],
                              capture_output=True, text=True)
        if not os.path.exists(out):
            sys.exit(f"validate_sarif.py: {multitool} wrote no validation log for {path} "
                     f"(exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
        with open(out, encoding="utf-8-sig") as f:
            validation = json.load(f)
    problems = []
    for run in validation.get("runs", []):
        for r in run.get("results", []):
            level = r.get("level", "warning")
            if level not in ("error", "warning"):
                continue
            text = r.get("message", {}).get("text") or json.dumps(r.get("message"))
            problems.append(f"{level}: {r.get('ruleId')}: {text}")
        for inv in run.get("invocations", []):
            for n in inv.get("toolExecutionNotifications", []):
                if n.get("level", "warning") == "error":
                    problems.append(f"validator error: {n.get('message', {}).get('text')}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--multitool", required=True)
    ap.add_argument("--expect-problems", action="store_true")
    ap.add_argument("logs", nargs="+")
    args = ap.parse_args()
    found = False
    for path in args.logs:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        problems = github_limits(log) + validator_problems(args.multitool, path)
        for p in problems:
            print(f"{path}: {p}")
        found = found or bool(problems)
    if args.expect_problems:
        sys.exit(0 if found else "validate_sarif.py: expected the validator to report problems, it reported none")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()

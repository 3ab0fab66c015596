#!/usr/bin/env python3
"""sarif_findings.py VALIDATION.sarif [--expect-problems]: reads the log Sarif.Multitool validate
wrote and fails if it reports any error or warning (or, with --expect-problems, if it reports
none: the self-check that the validator does catch a broken log)."""
import json
import sys

log = json.load(open(sys.argv[1], encoding="utf-8"))
problems = [r for run in log.get("runs", []) for r in run.get("results", [])
            if r.get("level", "warning") in ("error", "warning")]
for r in problems:
    text = r.get("message", {}).get("text") or json.dumps(r.get("message"))
    print(f"{r.get('level', 'warning')}: {r.get('ruleId')}: {text}")
if "--expect-problems" in sys.argv:
    sys.exit(0 if problems else "expected the validator to report problems, it reported none")
sys.exit(1 if problems else 0)

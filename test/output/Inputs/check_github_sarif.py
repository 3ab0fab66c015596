#!/usr/bin/env python3
"""check_github_sarif.py LOG.sarif [options]: asserts what GitHub code scanning reads of a run
besides the results: one run, its category, versionControlProvenance, the URIs of the results.

  --category NAME        automationDetails.id is NAME/ (default: no automationDetails)
  --repository URI       versionControlProvenance[0].repositoryUri (default: no provenance)
  --revision-file FILE   ... and its revisionId is the commit in FILE (git rev-parse HEAD)
  --branch NAME          ... and its branch; --no-branch: none (detached HEAD)
  --root DIR             %SRCROOT% is DIR
  --uri URI              every result's URI is URI, relative to %SRCROOT%
  --secret TEXT          TEXT appears nowhere in the log (a token from the remote URL)
"""
import argparse
import json
import os
import sys
import urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("log")
ap.add_argument("--category")
ap.add_argument("--repository")
ap.add_argument("--revision-file")
ap.add_argument("--branch")
ap.add_argument("--no-branch", action="store_true")
ap.add_argument("--root")
ap.add_argument("--uri")
ap.add_argument("--secret")
args = ap.parse_args()

text = open(args.log, encoding="utf-8").read()
log = json.loads(text)
assert len(log["runs"]) == 1, len(log["runs"])
run = log["runs"][0]

if args.category:
    assert run.get("automationDetails") == {"id": args.category + "/"}, run.get("automationDetails")
else:
    assert "automationDetails" not in run, run["automationDetails"]

if args.repository:
    vcp = run["versionControlProvenance"]
    assert len(vcp) == 1, vcp
    v = vcp[0]
    assert v["repositoryUri"] == args.repository, v
    assert v["mappedTo"] == {"uriBaseId": "%SRCROOT%"}, v
    if args.revision_file:
        want = open(args.revision_file).read().strip()
        assert v.get("revisionId") == want, (v, want)
    if args.branch:
        assert v.get("branch") == args.branch, v
    if args.no_branch:
        assert "branch" not in v, v
else:
    assert "versionControlProvenance" not in run, run["versionControlProvenance"]

if args.root:
    want = "file://" + urllib.parse.quote(os.path.realpath(args.root)) + "/"
    got = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert got == want, (got, want)

if args.uri:
    assert run["results"], "no results"
    for r in run["results"]:
        loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc == {"uri": args.uri, "uriBaseId": "%SRCROOT%"}, loc

if args.secret:
    assert args.secret not in text, f"{args.secret} is in the log"
print("ok")

#!/usr/bin/env python3
"""sarif_structure.py LOG.sarif: asserts the parts of lambda-lint's SARIF that GitHub code
scanning uses, on the examples project's log."""
import json
import sys

log = json.load(open(sys.argv[1], encoding="utf-8"))
assert log["version"] == "2.1.0", log["version"]
run = log["runs"][0]
driver = run["tool"]["driver"]
assert driver["name"] == "lambda-lint"
rules = {r["id"]: r for r in driver["rules"]}
for rid in ("client-in-handler", "connection-in-handler", "config-fetch-in-handler", "sdk-v2-import"):
    rule = rules[rid]
    assert rule["shortDescription"]["text"].endswith("."), rule["shortDescription"]
    assert "## What it does" in rule["help"]["markdown"], rid
    assert "What it does" in rule["help"]["text"] and "##" not in rule["help"]["text"], rid
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert rule["helpUri"].endswith(f"docs/rules/{rid}.md"), rule["helpUri"]
results = run["results"]
# 11 from the Python handlers and 2 from their Init-phase rules (exports/), 11 from the Node.js ones
# (node-orders/, node-ts/).
assert len(results) == 25, len(results)
assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
by_rule = {}
for r in results:
    by_rule.setdefault(r["ruleId"], []).append(r)
    assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert loc["artifactLocation"]["uri"].startswith("examples/"), loc
    region = loc["region"]
    assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
    assert r["partialFingerprints"], r
    assert r["relatedLocations"], "every finding names its handler"
assert sorted(by_rule) == ["client-in-handler", "config-fetch-in-handler", "connection-in-handler",
                          "eager-heavy-import", "heavy-init", "sdk-v2-import"]
fixed = [r for r in results if r.get("fixes")]
assert fixed, "the examples have fixable findings"
change = fixed[0]["fixes"][0]["artifactChanges"][0]
assert change["replacements"][0]["deletedRegion"]["startLine"] >= 1
print(f"ok: {len(results)} results, {len(fixed)} with fixes")

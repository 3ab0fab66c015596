"""Checks the init_estimate section of lambda-lint's JSON output for test/cli/init-estimate.test."""
import json
import sys

doc = json.load(open(sys.argv[1]))
est = doc["init_estimate"]
assert len(est) == 1, est
e = est[0]
assert e["path"].endswith("app.py"), e
assert e["handlers"] == ["lambda_handler"], e
assert e["budget_ms"] == 400 and e["over_budget"] is True, e
assert e["unmeasured"] == ["acme_analytics"], e
mods = [c["module"] for c in e["contributors"]]
assert mods[:3] == ["matplotlib.pyplot", "pandas", "boto3"], mods
# Contributions add up to the estimate; pandas shares numpy with matplotlib.pyplot, so it adds
# less than its own figure; json is loaded by the others and adds nothing.
assert abs(sum(c["ms"] for c in e["contributors"]) - e["estimated_ms"]) < 0.5, e
pandas = e["contributors"][1]
assert pandas["ms"] < pandas["own_ms"], pandas
assert pandas["source"] == "measured" and pandas["line"] == 5, pandas
rules = sorted(f["rule"] for f in doc["findings"])
assert rules == ["eager-heavy-import", "heavy-init"], rules
heavy = [f for f in doc["findings"] if f["rule"] == "heavy-init"][0]
assert heavy["metrics"]["budgetMs"] == 400, heavy

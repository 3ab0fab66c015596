#!/usr/bin/env python3
"""check_github_action.py --action action.yml --docs docs/github.md --lambda-lint BINARY --validate CMD --work DIR

What can be checked of GitHub Actions without GitHub:

- action.yml is a composite action whose steps each have a shell (or use an action); every
  `${{ inputs.X }}` names a declared input and every input is used; inputs reach scripts only
  through `env:`, never spliced into a `run:` script; the outputs name a step that exists.
- The script of its "Run lambda-lint" step, run as the runner runs it (bash --noprofile --norc
  -eo pipefail, the step's env with the inputs filled in, GITHUB_OUTPUT) with the lambda-lint
  binary of this build on PATH, in a sample repository: the SARIF it writes validates (CMD is
  %validate-sarif) and carries the category; the outputs, annotations, --baseline and errors.
- Every YAML block of docs/github.md parses; workflows have triggers, jobs with runs-on and steps
  with `run` or `uses`; a job that uploads SARIF may write security-events and gives a category;
  the action's inputs it uses exist; and the "Run lambda-lint" step of the step-by-step workflow
  runs in the sample repository and writes a valid log.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

ap = argparse.ArgumentParser()
ap.add_argument("--action", required=True)
ap.add_argument("--docs", required=True)
ap.add_argument("--lambda-lint", required=True)
ap.add_argument("--validate", required=True)
ap.add_argument("--work", required=True)
args = ap.parse_args()

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
    return cond


def triggers(workflow):
    # YAML 1.1 reads the key `on` as true.
    return workflow.get("on", workflow.get(True))


# --------------------------------------------------------------------------------------------
# action.yml

action_text = open(args.action, encoding="utf-8").read()
action = yaml.safe_load(action_text)
check(action.get("name") and action.get("description"), "action.yml: name and description")
inputs = action.get("inputs", {})
runs = action.get("runs", {})
check(runs.get("using") == "composite", f"action.yml: runs.using is {runs.get('using')!r}")
steps = runs.get("steps", [])
step_ids = {s.get("id") for s in steps if s.get("id")}
for i, step in enumerate(steps):
    name = step.get("name", f"step {i}")
    check(("run" in step) != ("uses" in step), f"action.yml: {name}: needs exactly one of run and uses")
    if "run" in step:
        check(step.get("shell") in ("bash", "sh", "python", "pwsh"), f"action.yml: {name}: no shell")
        check("${{" not in step["run"], f"action.yml: {name}: an expression is spliced into the script; pass it in env")
used = set()
for expr in EXPR.findall(action_text):
    for ref in re.findall(r"\binputs\.([A-Za-z0-9_-]+)", expr):
        used.add(ref)
        check(ref in inputs, f"action.yml: ${{{{ inputs.{ref} }}}} is not a declared input")
    for ref in re.findall(r"\bsteps\.([A-Za-z0-9_-]+)\.", expr):
        check(ref in step_ids, f"action.yml: steps.{ref} is no step id")
for name in inputs:
    check(name in used, f"action.yml: input {name} is never used")
    check("description" in inputs[name], f"action.yml: input {name} has no description")
for name, out in action.get("outputs", {}).items():
    check(EXPR.search(str(out.get("value", ""))), f"action.yml: output {name} has no value")


def expand(text, values):
    """Fills in `${{ ... }}` the way the runner would for the contexts the steps use."""
    def one(m):
        expr = m.group(1)
        if expr in values:
            return values[expr]
        sys.exit(f"check_github_action.py: no value for ${{{{ {expr} }}}}")
    return EXPR.sub(one, str(text))


def run_step(step, values, workspace):
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(os.path.abspath(args.lambda_lint)) + os.pathsep + env.get("PATH", "")
    output = os.path.join(args.work, "github_output")
    open(output, "w").close()
    env["GITHUB_OUTPUT"] = output
    env["GITHUB_WORKSPACE"] = workspace
    for k, v in (step.get("env") or {}).items():
        env[k] = expand(v, values)
    cwd = expand(step.get("working-directory", workspace), values)
    script = os.path.join(args.work, "step.sh")
    with open(script, "w") as f:
        f.write(step["run"])
    # The runner's `shell: bash`.
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=cwd, env=env,
                          capture_output=True, text=True)
    outputs = {}
    for line in open(output):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            outputs[k] = v
    return proc, outputs


def validate(path):
    proc = subprocess.run(shlex.split(args.validate) + [path], capture_output=True, text=True)
    return check(proc.returncode == 0, f"{path} does not validate:\n{proc.stdout}{proc.stderr}")


# A sample repository: a handler with a finding in svc/, a clean one, and a git remote.
repo = os.path.join(args.work, "repo")
shutil.rmtree(repo, ignore_errors=True)
os.makedirs(os.path.join(repo, "svc"))
with open(os.path.join(repo, "svc", "app.py"), "w") as f:
    f.write('import boto3\n\ndef handler(event, context):\n    s3 = boto3.client("s3")\n    return s3\n')
with open(os.path.join(repo, "clean.py"), "w") as f:
    f.write('import boto3\ns3 = boto3.client("s3")\n\ndef handler(event, context):\n    return s3\n')
subprocess.run(["git", "init", "-q", repo], check=True)
subprocess.run(["git", "-C", repo, "remote", "add", "origin", "https://github.com/acme/orders.git"], check=True)

lint = next((s for s in steps if s.get("id") == "lint"), None)
if check(lint is not None, "action.yml: no step with id lint"):
    def values(**overrides):
        v = {f"inputs.{k}": str(spec.get("default", "")) for k, spec in inputs.items()}
        v.update({f"inputs.{k.replace('_', '-')}": val for k, val in overrides.items()})
        v["github.workspace"] = repo
        v["runner.temp"] = args.work
        return v

    # The defaults: the whole repository, SARIF with the category, exit-code 1 for findings.
    proc, out = run_step(lint, values(), repo)
    sarif = os.path.join(repo, "lambda-lint.sarif")
    check(proc.returncode == 0, f"lint step (defaults) failed: {proc.returncode}\n{proc.stdout}{proc.stderr}")
    check(out == {"sarif-file": "lambda-lint.sarif", "exit-code": "1"}, f"lint step outputs: {out}")
    if check(os.path.exists(sarif), "no lambda-lint.sarif"):
        validate(sarif)
        run = json.load(open(sarif))["runs"][0]
        check(run.get("automationDetails") == {"id": "lambda-lint/"}, f"category: {run.get('automationDetails')}")
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]
        check(uris == ["svc/app.py"], f"results: {uris}")
        check(run["versionControlProvenance"][0]["repositoryUri"] == "https://github.com/acme/orders",
              f"provenance: {run.get('versionControlProvenance')}")
        shutil.copy(sarif, os.path.join(repo, "baseline.sarif"))

    # Paths and args over several lines, another file, a category, annotations.
    proc, out = run_step(lint, values(paths="svc\n  clean.py", args="--select client-in-handler\n--no-source",
                                      category="lambda/py", sarif_file="out/l.sarif", annotations="true"), repo)
    # out/ does not exist: lambda-lint cannot write there, an error the step reports and fails on.
    check(proc.returncode == 2 and out.get("exit-code") == "2" and "::error title=lambda-lint::" in proc.stdout,
          f"unwritable sarif-file: {proc.returncode} {out}\n{proc.stdout}{proc.stderr}")
    os.makedirs(os.path.join(repo, "out"))
    proc, out = run_step(lint, values(paths="svc\n  clean.py", args="--select client-in-handler\n--no-source",
                                      category="lambda/py", sarif_file="out/l.sarif", annotations="true"), repo)
    check(proc.returncode == 0 and out.get("exit-code") == "1", f"lint step (paths, args): {proc.returncode} {out}\n{proc.stderr}")
    check(re.search(r"^::warning file=svc/app\.py,line=4,col=10,.*client-in-handler", proc.stdout, re.M),
          f"annotations: {proc.stdout!r}")
    log = os.path.join(repo, "out", "l.sarif")
    if check(os.path.exists(log), "no out/l.sarif"):
        validate(log)
        run = json.load(open(log))["runs"][0]
        check(run.get("automationDetails") == {"id": "lambda/py/"}, f"category: {run.get('automationDetails')}")
        check([r["id"] for r in run["tool"]["driver"]["rules"]] == ["client-in-handler"], "--select was not passed")

    # The baseline input: the findings of the first run are not new.
    proc, out = run_step(lint, values(baseline="baseline.sarif"), repo)
    check(proc.returncode == 0 and out.get("exit-code") == "0", f"lint step (baseline): {proc.returncode} {out}\n{proc.stderr}")
    run = json.load(open(sarif))["runs"][0]
    check(run["results"] == [] and run["properties"]["baseline"]["hidden"] == 1, f"baseline: {run.get('properties')}")

    # A path that does not exist: status 2, the step fails.
    proc, out = run_step(lint, values(paths="missing"), repo)
    check(proc.returncode == 2 and out.get("exit-code") == "2", f"lint step (missing path): {proc.returncode} {out}")

# --------------------------------------------------------------------------------------------
# docs/github.md

docs = open(args.docs, encoding="utf-8").read()
blocks = re.findall(r"^```yaml\n(.*?)^```", docs, re.M | re.S)
check(len(blocks) >= 3, f"docs: {len(blocks)} yaml blocks")
workflows = 0
manual_lint = None
for i, block in enumerate(blocks):
    try:
        doc = yaml.safe_load(block)
    except yaml.YAMLError as e:
        failures.append(f"docs yaml block {i}: {e}")
        continue
    if not isinstance(doc, dict) or "jobs" not in doc:
        continue
    workflows += 1
    check(triggers(doc), f"docs workflow {i}: no `on`")
    for job_name, job in doc["jobs"].items():
        where = f"docs workflow {i}, job {job_name}"
        check(job.get("runs-on"), f"{where}: no runs-on")
        permissions = {**(doc.get("permissions") or {}), **(job.get("permissions") or {})}
        for step in job.get("steps", []):
            check(("run" in step) != ("uses" in step), f"{where}: a step needs exactly one of run and uses: {step}")
            uses = step.get("uses", "")
            if uses.startswith("github/codeql-action/upload-sarif@"):
                check(permissions.get("security-events") == "write", f"{where}: uploads without security-events: write")
                check((step.get("with") or {}).get("category"), f"{where}: upload without a category")
                check((step.get("with") or {}).get("sarif_file"), f"{where}: upload without sarif_file")
            if uses.startswith("lambda-lint/lambda-lint@"):
                for key in (step.get("with") or {}):
                    check(key in inputs, f"{where}: the action has no input {key}")
                if (step.get("with") or {}).get("upload", "true") != "false":
                    check(permissions.get("security-events") == "write", f"{where}: the action uploads without security-events: write")
            if step.get("name") == "Run lambda-lint" and "run" in step:
                manual_lint = step
check(workflows >= 3, f"docs: {workflows} workflows")

if check(manual_lint is not None, "docs: no 'Run lambda-lint' step"):
    os.remove(os.path.join(repo, "lambda-lint.sarif"))
    proc, _ = run_step(manual_lint, {}, repo)
    check(proc.returncode == 0, f"docs 'Run lambda-lint' step failed: {proc.returncode}\n{proc.stdout}{proc.stderr}")
    sarif = os.path.join(repo, "lambda-lint.sarif")
    if check(os.path.exists(sarif), "docs step wrote no lambda-lint.sarif"):
        validate(sarif)
        check(json.load(open(sarif))["runs"][0].get("automationDetails") == {"id": "lambda-lint/"}, "docs step: category")

for f in failures:
    print(f"FAIL: {f}")
sys.exit(1 if failures else 0)

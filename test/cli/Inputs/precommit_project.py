#!/usr/bin/env python3
"""Helpers of test/cli/pre-commit.test.

  precommit_project.py handlers DIR BAD GOOD
      writes BAD Python handlers that make a boto3 client on every invocation (bad_NN.py) and
      GOOD ones that make it at module scope (good_NN.py), plus one bad TypeScript (.ts), one
      bad ES-module TypeScript (.mts) and one bad C++ handler (its stub header next to it,
      included by a relative path, so no compile flags are needed), a header and a README that
      the hooks must leave alone.
  precommit_project.py config HOOK_REPO OUT HOOK_ID [ARG...]
      writes a .pre-commit-config.yaml that uses HOOK_ID of HOOK_REPO (a local git repository)
      at its current commit, with the hook args ARG...
  precommit_project.py compile-db DIR FILE INCLUDE_DIR
      writes DIR/compile_commands.json with a command for FILE that adds -I INCLUDE_DIR.
  precommit_project.py batches PRE_COMMIT_OUTPUT DIRECT_OUTPUT FILES
      checks that pre-commit ran lambda-lint on FILES files in several batches (one per CPU,
      when there are several CPUs) and that the batches together reported exactly the findings
      of one lambda-lint run over all files (DIRECT_OUTPUT): no finding depends on which other
      files share a batch. Prints the finding count.
  precommit_project.py cached-repos PRE_COMMIT_HOME
      prints the repositories pre-commit's store holds (its db.db), one a line.
"""
import json
import os
import pathlib
import re
import shutil
import sqlite3
import subprocess
import sys

BAD_PY = '''import boto3


def handler(event, context):
    table = boto3.resource("dynamodb").Table("orders-{n}")
    return table.get_item(Key={{"id": event["id"]}})
'''

GOOD_PY = '''import boto3

table = boto3.resource("dynamodb").Table("orders-{n}")


def handler(event, context):
    return table.get_item(Key={{"id": event["id"]}})
'''

BAD_TS = '''import {{ S3Client, GetObjectCommand }} from "@aws-sdk/client-s3";

export const handler = async (event: {{ key: string }}) => {{
  const s3 = new S3Client({{}});
  return s3.send(new GetObjectCommand({{ Bucket: "{name}", Key: event.key }}));
}};
'''

BAD_CPP = '''#include "stubs/runtime.h"

struct pg_conn;
pg_conn* PQconnectdb(const char* conninfo);

using namespace aws::lambda_runtime;

static invocation_response handle(invocation_request const& req) {
  pg_conn* db = PQconnectdb("host=db dbname=orders");
  (void)db;
  return invocation_response::success(req.payload, "application/json");
}

int main() {
  run_handler(handle);
  return 0;
}
'''


def handlers(directory, bad, good):
    d = pathlib.Path(directory)
    (d / "functions").mkdir(parents=True, exist_ok=True)
    for n in range(bad):
        (d / "functions" / f"bad_{n:02}.py").write_text(BAD_PY.format(n=n))
    for n in range(good):
        (d / "functions" / f"good_{n:02}.py").write_text(GOOD_PY.format(n=n))
    (d / "web").mkdir(exist_ok=True)
    (d / "web" / "download.ts").write_text(BAD_TS.format(name="downloads"))
    (d / "web" / "thumbnail.mts").write_text(BAD_TS.format(name="thumbnails"))
    (d / "cpp" / "stubs").mkdir(parents=True, exist_ok=True)
    (d / "cpp" / "orders.cpp").write_text(BAD_CPP)
    src_root = pathlib.Path(__file__).resolve().parents[3]
    shutil.copy(src_root / "test" / "cpp" / "include" / "aws" / "lambda-runtime" / "runtime.h",
                d / "cpp" / "stubs" / "runtime.h")
    (d / "README.md").write_text("Not a handler.\n")


def config(hook_repo, out, hook_id, args):
    rev = subprocess.run(["git", "-C", hook_repo, "rev-parse", "HEAD"], check=True,
                         capture_output=True, text=True).stdout.strip()
    hook = {"id": hook_id}
    if args:
        hook["args"] = args
    # JSON is YAML: no YAML library needed here.
    pathlib.Path(out).write_text(json.dumps(
        {"repos": [{"repo": os.path.abspath(hook_repo), "rev": rev, "hooks": [hook]}]}, indent=2))


def compile_db(directory, file, include_dir):
    d = pathlib.Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    source = pathlib.Path(file).resolve()
    (d / "compile_commands.json").write_text(json.dumps([{
        "directory": str(source.parent),
        "file": str(source),
        "arguments": ["c++", "-std=c++17", "-I" + include_dir, "-c", str(source)],
    }], indent=2))


FINDING = re.compile(r"^(\S+?):(\d+):(\d+): warning: .*\[([a-z0-9-]+)\]$")
SUMMARY = re.compile(r"^(?:Found \d+ findings? in|No findings in) (\d+) files?\b")


def findings(text):
    return sorted(m.group(0) for m in map(FINDING.match, text.splitlines()) if m)


def batches(pre_commit_output, direct_output, files):
    batched = pathlib.Path(pre_commit_output).read_text()
    direct = pathlib.Path(direct_output).read_text()
    summaries = [int(m.group(1)) for m in map(SUMMARY.match, batched.splitlines()) if m]
    problems = []
    if sum(summaries) != int(files):
        problems.append(f"the batches linted {sum(summaries)} files in all ({summaries}), not {files}")
    # pre-commit runs one batch per CPU (at least 4 files each).
    cpus = os.cpu_count() or 1
    if cpus >= 2 and len(summaries) < 2:
        problems.append(f"{len(summaries)} batch(es) on {cpus} CPUs: pre-commit did not split the files")
    if findings(batched) != findings(direct):
        problems.append("the batches' findings differ from one run over all files:\n  batches: "
                        + "\n           ".join(findings(batched)) + "\n  one run: "
                        + "\n           ".join(findings(direct)))
    if problems:
        sys.exit("precommit_project.py: " + "\n".join(problems))
    print(f"{len(findings(batched))} findings in {len(summaries)} batches")


def cached_repos(home):
    db = sqlite3.connect(pathlib.Path(home) / "db.db")
    try:
        for (repo,) in db.execute("SELECT repo FROM repos ORDER BY repo"):
            print(repo)
    finally:
        db.close()


def main(argv):
    if len(argv) >= 5 and argv[1] == "handlers":
        handlers(argv[2], int(argv[3]), int(argv[4]))
    elif len(argv) >= 5 and argv[1] == "config":
        config(argv[2], argv[3], argv[4], argv[5:])
    elif len(argv) == 5 and argv[1] == "compile-db":
        compile_db(argv[2], argv[3], argv[4])
    elif len(argv) == 5 and argv[1] == "batches":
        batches(argv[2], argv[3], argv[4])
    elif len(argv) == 3 and argv[1] == "cached-repos":
        cached_repos(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

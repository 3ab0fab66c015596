#!/usr/bin/env bash
# Deployment-package benchmark: lambda-lint on a generated node_modules of FILES files (default
# 30000; bench/gen_node_modules.py) against `du -sb`: the whole CLI (`lambda-lint --package DIR
# --format json`: read, analyse, run the package rules, write the report) and the folder reader
# alone (readFolder + analyzePackage, as build/bin/lambda-lint-package-bench runs them). Both run warm-cache (one untimed run
# each first; caches are not dropped), RUNS times each (default 3), alternating; the medians
# and their ratio are printed.
# Usage: bash bench/package.sh [FILES] [RUNS]. Needs the build (cmake --build build).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
files=${1:-30000}
runs=${2:-3}
bin="$root/build/bin/lambda-lint-package-bench"
cli="$root/build/bin/lambda-lint"
if [[ ! -x "$bin" ]]; then
  echo "$bin not found: build first (cmake --build build)" >&2
  exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$root/bench/gen_node_modules.py" "$dir" "$files"
python3 - "$dir" "$runs" "$bin" "$cli" <<'EOF'
import statistics
import subprocess
import sys
import time

folder, runs, bench, cli = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
commands = {"du -sb": ["du", "-sb", folder], "reader": [bench, folder],
            "lambda-lint": [cli, "--package", folder, "--format", "json", "-o", "/dev/null"]}
times = {name: [] for name in commands}
outputs = {}
for name, cmd in commands.items():  # warm the page and dentry caches
    subprocess.run(cmd, capture_output=True)
for _ in range(runs):
    for name, cmd in commands.items():
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)  # lambda-lint exits 1 on findings
        if done.returncode not in (0, 1):
            sys.exit(f"{name} failed: {done.stderr}")
        times[name].append((time.perf_counter() - start) * 1000)
        outputs[name] = done.stdout.strip()
print(f"du -sb:  {outputs['du -sb'].split()[0]} bytes (with folders)")
print(f"reader:  {outputs['reader']}")
du, reader = statistics.median(times["du -sb"]), statistics.median(times["reader"])
print(f"du -sb   median {du:7.1f} ms  (runs: {', '.join(f'{t:.1f}' for t in times['du -sb'])})")
cli_ms = statistics.median(times["lambda-lint"])
print(f"reader   median {reader:7.1f} ms  (runs: {', '.join(f'{t:.1f}' for t in times['reader'])})")
print(f"CLI      median {cli_ms:7.1f} ms  (runs: {', '.join(f'{t:.1f}' for t in times['lambda-lint'])})")
print(f"ratio reader/du: {reader / du:.2f}   ratio lambda-lint/du: {cli_ms / du:.2f}")
EOF

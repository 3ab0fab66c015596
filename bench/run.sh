#!/usr/bin/env bash
# Throughput benchmark: lambda-lint over a generated corpus of Python handlers, one job and all
# cores. Usage: bash bench/run.sh [FILES] (default 2000). Needs build/bin/lambda-lint.
# Uses hyperfine when installed (apt-get install hyperfine), else a plain timing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
files=${1:-2000}
bin="$root/build/bin/lambda-lint"
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
python3 "$root/bench/gen_python_corpus.py" "$corpus" "$files"
lines=$(cat "$corpus"/*.py | wc -l)
echo "corpus: $files files, $lines lines"
for jobs in 1 "$(nproc)"; do
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 1 --runs 5 -i "$bin -j $jobs --format json $corpus"
  else
    start=$(date +%s.%N)
    "$bin" -j "$jobs" --format json "$corpus" >/dev/null || true
    end=$(date +%s.%N)
    python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'-j $jobs: {s:.2f} s, {int(sys.argv[3])/s:,.0f} lines/s')" "$start" "$end" "$lines"
  fi
done

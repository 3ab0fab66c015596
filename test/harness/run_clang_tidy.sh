#!/usr/bin/env bash
# run_clang_tidy.sh SOURCE_DIR BUILD_DIR: runs clang-tidy 16 with the repository's .clang-tidy
# over the project's own sources (core, checks, frontends, tool) in parallel and fails on any
# warning, so the tree stays clean. Used by `bash scripts/dev.sh tidy` and by ctest.
set -euo pipefail
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
[ -f "$build/compile_commands.json" ] || { echo "no $build/compile_commands.json" >&2; exit 2; }
runner=$(command -v run-clang-tidy-16 || true)
[ -n "$runner" ] || { echo "run-clang-tidy-16 not found (apt-get install clang-tidy-16)" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# run-clang-tidy 16 has no -warnings-as-errors; the warnings are counted from its output.
"$runner" -p "$build" -quiet -j "$(nproc)" "$src/(core|checks|frontends|tool)/.*\.cpp$" >"$log" 2>&1 || true
warnings=$(grep -E "^$src/.*: (warning|error):" "$log" | sort -u || true)
if [ -n "$warnings" ]; then
  cat "$log"
  echo
  echo "clang-tidy: $(printf '%s\n' "$warnings" | wc -l) warning(s) in the project's sources:"
  printf '%s\n' "$warnings"
  exit 1
fi
if grep -qE "error: |Error while processing" "$log"; then
  cat "$log"
  exit 1
fi
echo "clang-tidy: clean ($(grep -c 'clang-tidy-16' "$log" || echo "?") files checked)"

#!/usr/bin/env bash
# run_clang_tidy.sh SOURCE_DIR BUILD_DIR: runs clang-tidy 16 with the repository's .clang-tidy
# over the project's own sources (every part of docs/architecture.md) in parallel and fails on any
# warning, so the tree stays clean. Used by `bash scripts/dev.sh tidy` and by ctest.
set -euo pipefail
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
[ -f "$build/compile_commands.json" ] || { echo "no $build/compile_commands.json" >&2; exit 2; }
runner=$(command -v run-clang-tidy-16 || true)
[ -n "$runner" ] || { echo "run-clang-tidy-16 not found (apt-get install clang-tidy-16)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/log
# A file clang-tidy takes more than 10 minutes over fails the check instead of eating the CI run
# (the two Clang-heavy files, frontends/cpp/CppFrontend.cpp and tidy/LambdaLintTidyModule.cpp,
# take about 3 minutes of CPU each; on a loaded 2-core machine 5 minutes of wall time was too few).
cat >"$work/clang-tidy" <<'WRAP'
#!/usr/bin/env bash
timeout 600 clang-tidy-16 "$@"
status=$?
[ $status -eq 124 ] && echo "error: clang-tidy timed out after 600 s on: ${*: -1}"
exit $status
WRAP
chmod +x "$work/clang-tidy"
# run-clang-tidy 16 has no -warnings-as-errors; the warnings are counted from its output.
"$runner" -clang-tidy-binary "$work/clang-tidy" -p "$build" -quiet -j "$(nproc)" \
  "$src/(core|package|initcost|frontends|checks|config|pipeline|output|tool|tidy)/.*\.cpp$" >"$log" 2>&1 || true
# Headers are reached through the parts' include roots (build/include-roots/PART/...).
warnings=$(grep -E "^($src|$build/include-roots)/.*: (warning|error):" "$log" | sort -u || true)
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
echo "clang-tidy: clean ($(grep -c "$work/clang-tidy" "$log" || echo "?") files checked)"

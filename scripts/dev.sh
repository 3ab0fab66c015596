#!/usr/bin/env bash
# Developer and CI entry point. Works on a fresh Debian bookworm machine (as root, or with sudo)
# and does only what is missing on a prepared one.
#
#   bash scripts/dev.sh setup     install system packages and node_modules
#   bash scripts/dev.sh examples  setup, build, lint examples/
#   bash scripts/dev.sh test      setup, build, run all tests (ctest)
#   bash scripts/dev.sh tidy      setup, build, run clang-tidy (.clang-tidy) over the sources
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

apt_packages=(
  build-essential cmake ninja-build pkg-config git python3 python3-yaml ca-certificates
  llvm-16-dev libclang-16-dev clang-16 clang-tidy-16 llvm-16-tools
  nlohmann-json3-dev libyaml-cpp-dev libzip-dev libmd4c-dev libgtest-dev pre-commit
  chromium # renders the --report HTML page in the html-report test
)
sarif_multitool=node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
npm_stamp=node_modules/.lambda-lint-package-lock.sha256

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'dev.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

install_system_packages() {
  local wanted=("${apt_packages[@]}")
  command -v npm >/dev/null 2>&1 || wanted+=(nodejs npm)

  # One dpkg call for the whole list; whatever it does not report as installed is missing.
  local installed missing=() p
  installed=$(dpkg -s "${wanted[@]}" 2>/dev/null |
    awk '/^Package: /{p=$2} /^Status: / && $NF=="installed"{print p}') || true
  for p in "${wanted[@]}"; do
    grep -qxF -- "$p" <<<"$installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing packages (${missing[*]}); run as root or install sudo"
    sudo=(sudo)
  fi
  log "installing ${missing[*]}"
  "${sudo[@]}" apt-get update >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}" >&2
}

install_node_modules() {
  local lock_sha
  lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$npm_stamp" ] || [ "$(cat "$npm_stamp")" != "$lock_sha" ]; then
    log "installing node_modules (npm ci)"
    npm ci >&2
    # .npmrc sets ignore-scripts, so the multitool's install script never made it executable.
    [ -f "$sarif_multitool" ] || die "npm ci did not install $sarif_multitool"
    chmod +x "$sarif_multitool"
    printf '%s\n' "$lock_sha" >"$npm_stamp"
  fi
}

build() {
  # build.ninja too: a configure run that failed leaves a cache but nothing to build with.
  if [ ! -f build/CMakeCache.txt ] || [ ! -f build/build.ninja ]; then
    log "configuring build/"
    # ccache, when the machine has it, makes a rebuild in another clone of the tree cheap.
    local launcher=()
    command -v ccache >/dev/null 2>&1 &&
      launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >&2
  fi
  # Paths below the tree are hashed relative to it, so clones in other folders share the cache.
  export CCACHE_BASEDIR="$root"
  log "building"
  cmake --build build -j "$(nproc)" >&2
}

[ $# -eq 1 ] || usage
case "$1" in
  setup|examples|test|tidy) ;;
  *) usage ;;
esac

install_system_packages
install_node_modules
case "$1" in
  setup)
    ;;
  examples)
    build
    # The C++ function's compile database, against lambda-lint's stub headers (no SDK needed).
    log "configuring the compile database of examples/cpp-orders in build/examples-cpp"
    cmake -S examples/cpp-orders -B build/examples-cpp -DLAMBDA_LINT_STUBS=ON >&2
    log "running lambda-lint on examples/"
    status=0
    build/bin/lambda-lint -p build/examples-cpp examples/ || status=$?
    # 1 means "findings were reported", which is what the examples are for.
    [ "$status" -le 1 ] || exit "$status"
    ;;
  test)
    build
    log "running tests"
    ctest --test-dir build --output-on-failure
    ;;
  tidy)
    build
    log "running clang-tidy over the project's sources"
    # Every warning is an error here: the tree is kept clean (ctest runs the same check).
    bash test/harness/run_clang_tidy.sh . build
    ;;
esac

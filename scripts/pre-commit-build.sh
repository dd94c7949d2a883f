#!/usr/bin/env bash
# The rdslint-build pre-commit hook: runs an installed rdslint, or builds one
# in this clone of the repository (pre-commit's cache) on first use and runs
# that. Building needs cmake, g++ and the -dev packages that
# scripts/install-deps.sh names; it says which are missing instead of
# installing them from inside a commit.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if command -v rdslint >/dev/null 2>&1; then
  exec rdslint "$@"
fi
binary="$here/build/rdslint"
if [ ! -x "$binary" ]; then
  for tool in cmake g++ ninja pkg-config; do
    command -v "$tool" >/dev/null 2>&1 || {
      echo "rdslint-build: '$tool' is missing; run $here/scripts/install-deps.sh as root (or install rdslint and use the 'rdslint' hook)" >&2
      exit 2
    }
  done
  echo "rdslint-build: building rdslint in $here/build (first use only)" >&2
  cmake -S "$here" -B "$here/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$here/build" --target rdslint >&2
fi
exec "$binary" "$@"

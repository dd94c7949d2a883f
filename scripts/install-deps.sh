#!/usr/bin/env bash
# Installs what rdslint's build and tests need: Debian packages with apt-get,
# npm packages with `npm ci` from the committed lockfile. Quick when
# everything is already there, so every make target can call it.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake g++ ninja-build ccache pkg-config make git
  libclang-14-dev clang-14 clang-tidy-14 clang-tools-14
  libpq-dev libpqxx-dev   # the real libpq and libpqxx headers the cpp pack parses
  libyaml-cpp-dev nlohmann-json3-dev libre2-dev libtree-sitter-dev
  libmimalloc-dev   # the allocator the rdslint command links (tools/CMakeLists.txt)
  libyaml-dev       # reads CloudFormation YAML beside yaml-cpp (frontend/cfn/yaml_reader.cc)
  googletest libgtest-dev
  pre-commit   # the end-to-end test of our pre-commit hooks
  neovim       # its built-in LSP client drives the end-to-end test of `rdslint lsp`
  golang-github-hashicorp-hcl-v2-dev   # HashiCorp's HCL test files, for the differential test
  libicu72   # the SARIF validator (a .NET program from npm) loads ICU
  ripgrep    # build/bench/monorepo_bench compares rdslint with one rg pass
)
# Debian's nodejs ships npm; a nodejs from elsewhere may too. Ask for the
# packages only when the commands are missing.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root or install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages (SARIF validator, HashiCorp's HCL parser for differential
# tests). Re-run `npm ci` only when the lockfile changed.
stamp=node_modules/.rdslint-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "install-deps: npm ci"
  # --ignore-scripts: nothing here needs to build at install time (the grammars
  # are compiled by CMake from their src/), and a node-gyp build would need
  # the network.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
# Install scripts are not run (above); the
# SARIF validator's only one marks its binary executable.
sarif=node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
[ -f "$sarif" ] && [ ! -x "$sarif" ] && chmod u+x "$sarif"
exit 0

#!/usr/bin/env bash
# End-to-end: Neovim's built-in LSP client runs `rdslint lsp` on a fixture
# workspace (nvim_client.lua) and this checks what it saw: the same findings
# the command prints, at the same lines and byte columns, with rule ids, doc
# links and source; for MODE=fix, the buffer after the quick fix; and never
# the planted password in anything the server sent or logged.
#
# usage: nvim_e2e.sh RDSLINT WORKSPACE EXPECTED ENCODING MODE
#   EXPECTED: lines "LINE:COL RULE" that must be among the diagnostics
#   ENCODING: utf-16 (Neovim's default) or utf-8 (offered by the client)
#   MODE:     diagnostics or fix
set -euo pipefail

rdslint=$(realpath "$1")
workspace=$2
expected=$(realpath "$3")
encoding=$4
mode=$5
here=$(cd "$(dirname "$0")" && pwd)
fixture=.env

command -v nvim >/dev/null || { echo "FAIL: nvim is not installed (scripts/install-deps.sh installs it)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy outside any git checkout: the project facts come from it alone.
cp -R "$workspace/." "$work/ws"
mkdir "$work/out"

fail() {
  echo "FAIL: $*"
  for f in error.txt init.txt diagnostics.txt links.txt actions.txt buffer.txt diagnostics-after.txt exit.txt server.err; do
    if [ -f "$work/out/$f" ]; then echo "--- $f"; sed 's/Pl4nted[^ "@]*/<planted>/g' "$work/out/$f"; fi
  done
  echo "--- nvim output"; sed 's/Pl4nted[^ "@]*/<planted>/g' "$work/nvim.log" || true
  exit 1
}

status=0
(
  cd "$work/ws"
  RDSLINT="$rdslint" ROOT="$work/ws" FIXTURE="$fixture" OUT="$work/out" ENCODING="$encoding" MODE="$mode" \
    timeout -k 5 80 nvim --headless --clean -n -i NONE -c "luafile $here/nvim_client.lua" \
    </dev/null >"$work/nvim.log" 2>&1
) || status=$?
[ "$status" -eq 0 ] || fail "nvim exited with status $status (124: timed out)"
[ ! -f "$work/out/error.txt" ] || fail "the client script failed"

# The negotiated encoding is the one asked for.
grep -qx "positionEncoding=$encoding" "$work/out/init.txt" || fail "encoding is not $encoding"

# The findings Neovim shows are exactly those the command prints: same
# lines, byte columns (converted back by Neovim from the LSP positions),
# severities, messages and rule ids.
(cd "$work/ws" && "$rdslint" --color never --fail-level none "$fixture" 2>/dev/null) |
  grep -E "^\\$fixture:[0-9]+:[0-9]+: " >"$work/cli.txt" || true
[ -s "$work/cli.txt" ] || fail "the command found nothing in the fixture"
diff -u "$work/cli.txt" "$work/out/diagnostics.txt" || fail "Neovim's diagnostics differ from the command's"

# The known findings, at known places.
while read -r at rule; do
  [ -n "$at" ] || continue
  grep -q "^$fixture:$at: .*\[$rule\]\$" "$work/out/diagnostics.txt" || fail "no $rule at $at"
done <"$expected"

# Every diagnostic links its rule's documentation and names its source.
while read -r rule source href; do
  [ "$source" = rdslint ] || fail "$rule: source is '$source'"
  doc=$("$rdslint" explain "$rule" | sed -n 's/^Documentation: //p')
  [ -n "$doc" ] && [ "$href" = "$doc" ] || fail "$rule: codeDescription.href is '$href', not '$doc'"
done <"$work/out/links.txt"

if [ "$mode" = fix ]; then
  grep -q 'percent-encode' "$work/out/actions.txt" || fail "no percent-encoding quick fix offered"
  # The quick fix percent-encodes the '@' and '#' of the password, nothing else.
  sed 's/Pl4nted@pw#1@/Pl4nted%40pw%231@/' "$work/ws/$fixture" >"$work/expected-buffer.txt"
  ! cmp -s "$work/ws/$fixture" "$work/expected-buffer.txt" || fail "the fixture lost its unencoded password"
  diff -u "$work/expected-buffer.txt" "$work/out/buffer.txt" || fail "the buffer after the quick fix is wrong"
  ! grep -q 'env-url-unencoded-password' "$work/out/diagnostics-after.txt" || fail "finding still reported after the fix"
  grep -q 'env-password-literal' "$work/out/diagnostics-after.txt" || fail "the other findings vanished after the fix"
fi

# The server shut down cleanly when asked: exit status 0, no signal.
grep -qx '0 0' "$work/out/exit.txt" || fail "server exit: $(cat "$work/out/exit.txt")"

# Nothing the server sent or logged holds the planted password, though the
# client sent it the whole file (and, after the fix, the changed file).
grep -q 'textDocument/publishDiagnostics' "$work/out/server.out" || fail "the server's output was not recorded"
grep -q 'didOpen' "$work/out/server.err" || fail "the server's log was not recorded"
if grep -q Pl4nted "$work/out/server.out" "$work/out/server.err"; then
  fail "the planted password appears in what the server sent or logged"
fi

echo "PASS: $(wc -l <"$work/out/diagnostics.txt") diagnostics ($encoding, $mode)"

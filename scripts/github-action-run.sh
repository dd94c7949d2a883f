#!/usr/bin/env bash
# The lint step of action.yml: annotations for the pull request (GitHub's
# workflow commands) and a SARIF report for code scanning. Reads its inputs
# from RDSLINT_* variables and writes step outputs to $GITHUB_OUTPUT.
set -uo pipefail
read -ra paths <<< "${RDSLINT_PATHS:-.}"
read -ra args <<< "${RDSLINT_ARGS:-}"
sarif="${RDSLINT_SARIF:-rdslint.sarif}"
level="${RDSLINT_FAIL_LEVEL:-warning}"

# Annotations: the exit status of this run is the step's verdict.
rdslint --format github --fail-level "$level" "${args[@]}" "${paths[@]}"
status=$?
# The report for code scanning; findings are expected here, errors are not.
rdslint --format sarif --output "$sarif" --fail-level none "${args[@]}" "${paths[@]}"
sarif_status=$?
if [ "$sarif_status" -gt 1 ] && [ "$status" -lt 2 ]; then status=$sarif_status; fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "exit-code=$status"; [ -f "$sarif" ] && echo "sarif-file=$sarif"; } >> "$GITHUB_OUTPUT"
fi
exit 0  # the action's last step fails the job, after the SARIF upload

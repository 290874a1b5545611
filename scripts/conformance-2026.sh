#!/usr/bin/env bash
# Measures progress on MCP 2026-07-28: runs @modelcontextprotocol/conformance@0.2.0-alpha.12
# with `--requirements 2026-07-28` against examples/everything served by `mcpkit run` over
# Streamable HTTP, and prints scenario pass/fail counts. NOT part of CI (scripts/test.sh does
# not run it): it exits 0 whatever the figures, non-zero only when the suite or the server
# could not run.
#
# Last lines, e.g.:
#   scored:     1/37 scenarios passed, 36 failed (checks: 11 passed, 146 failed)
#   not scored: 1/13 scenarios passed (extension and pending scenarios)
#
# Environment:
#   CONFORMANCE_PORT         port to serve on (default 3002)
#   CONFORMANCE_REQ_VERSION  suite version (default 0.2.0-alpha.12)
#   CONFORMANCE_STATELESS    1 serves the fixture with --stateless
#   CONFORMANCE_TOOLS_DIR    as in scripts/conformance.sh
#   CONFORMANCE_SCENARIO     run one scenario (with --spec-version 2026-07-28) instead
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${CONFORMANCE_PORT:-3002}"
REQ_VERSION="${CONFORMANCE_REQ_VERSION:-0.2.0-alpha.12}"
WORK="$(mktemp -d)"
SERVER_PID=""
START=$SECONDS

abort() {
  echo "conformance-2026: $*" >&2
  exit 1
}

cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=scripts/conformance-lib.sh
. "$ROOT/scripts/conformance-lib.sh"

install_suite "$REQ_VERSION"
server_flags=()
if [ "${CONFORMANCE_STATELESS:-}" = "1" ]; then server_flags+=(--stateless); fi
start_server "${server_flags[@]}"

if [ -n "${CONFORMANCE_SCENARIO:-}" ]; then
  run_suite "$WORK/suite.log" --scenario "$CONFORMANCE_SCENARIO" --spec-version 2026-07-28 --force
  echo "conformance-2026: ${CONFORMANCE_SCENARIO}: ${PASSED} passed, ${FAILED} failed"
  exit 0
fi

run_suite "$WORK/suite.log" --requirements 2026-07-28
echo "conformance-2026: took $((SECONDS - START)) s, suite exit code $SUITE_STATUS" >&2

# Scenario lines of the summary (`✓ name: N passed, M failed` / `✗ ...`), and the names the
# suite lists under "Not scored".
summary="$(sed -n '/=== SUMMARY ===/,/^Total:/p' "$WORK/suite.log" | grep -E '^[✓✗] [^:]+: [0-9]+ passed, [0-9]+ failed')"
[ -n "$summary" ] || abort "the suite printed no summary"
unscored="$(sed -n '/^Not scored/,$p' "$WORK/suite.log" | grep -Eo '^  [✓✗] [^ ]+' | awk '{print $2}')"

scored_pass=0 scored_fail=0 other_pass=0 other_fail=0
while IFS= read -r line; do
  mark="${line%% *}"
  name="$(echo "$line" | sed -E 's/^[^ ]+ ([^:]+):.*/\1/')"
  if echo "$unscored" | grep -qxF "$name"; then
    if [ "$mark" = "✓" ]; then other_pass=$((other_pass + 1)); else other_fail=$((other_fail + 1)); fi
  else
    if [ "$mark" = "✓" ]; then scored_pass=$((scored_pass + 1)); else scored_fail=$((scored_fail + 1)); fi
  fi
done <<<"$summary"

echo
echo "conformance-2026 (suite ${REQ_VERSION}, --requirements 2026-07-28$([ "${CONFORMANCE_STATELESS:-}" = "1" ] && echo ', server --stateless'))"
echo "scored:     ${scored_pass}/$((scored_pass + scored_fail)) scenarios passed, ${scored_fail} failed (checks over all scenarios: ${PASSED} passed, ${FAILED} failed)"
echo "not scored: ${other_pass}/$((other_pass + other_fail)) scenarios passed (extension and pending scenarios)"

#!/usr/bin/env bash
# Runs @modelcontextprotocol/conformance against examples/everything served by `mcpkit run`
# over Streamable HTTP, one server for both runs:
#   1. suite 0.1.x (latest), its active server scenarios;
#   2. suite 0.2.0-alpha.12 with `--requirements 2025-11-25` (the scenarios that revision
#      requires, frozen at its release).
#
# The suites need Node 22; the `node@22` npm package provides it, installed with each suite
# into a tools directory (npm registry only, nothing else is downloaded). Prints the suites'
# output, then as its LAST line a plain `N passed, M failed` (checks, as the suites count
# them, summed over both runs). Exits non-zero on any failed check, or when a suite or the
# server cannot run.
#
# Environment:
#   CONFORMANCE_PORT          port to serve on (default 3001)
#   CONFORMANCE_VERSION       first suite's version range (default 0.1, the latest 0.1.x)
#   CONFORMANCE_REQ_VERSION   second suite's version (default 0.2.0-alpha.12; `none` skips the run)
#   CONFORMANCE_REQUIREMENTS  revision the second run checks (default 2025-11-25)
#   CONFORMANCE_TOOLS_DIR     where node@22 and the suites are installed, one subdirectory per
#                             version (default: ${TMPDIR:-/tmp}/mcpkit-conformance-<version>)
#   CONFORMANCE_SCENARIO      run one scenario of the first suite instead (the second run is skipped)
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${CONFORMANCE_PORT:-3001}"
VERSION="${CONFORMANCE_VERSION:-0.1}"
REQ_VERSION="${CONFORMANCE_REQ_VERSION:-0.2.0-alpha.12}"
REQUIREMENTS="${CONFORMANCE_REQUIREMENTS:-2025-11-25}"
WORK="$(mktemp -d)"
SERVER_PID=""
START=$SECONDS

# Reports a failure that kept a suite from running, as the closing count line.
abort() {
  echo "conformance: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=scripts/conformance-lib.sh
. "$ROOT/scripts/conformance-lib.sh"

# 1. The first suite and a Node 22 to run it; the fixture server, from the sources (tsx
# resolves @mcpkit/* through tsconfig paths).
install_suite "$VERSION"
start_server

# 2. The first suite: its active scenarios (or one), output shown as it runs.
args=()
if [ -n "${CONFORMANCE_SCENARIO:-}" ]; then args+=(--scenario "$CONFORMANCE_SCENARIO"); fi
run_suite "$WORK/suite.log" "${args[@]}"
passed=$PASSED
failed=$FAILED
status=$SUITE_STATUS
echo "conformance: suite ${VERSION}: ${PASSED} passed, ${FAILED} failed (exit code $SUITE_STATUS)" >&2

# 3. The second suite, against the same server: what revision REQUIREMENTS requires.
if [ -z "${CONFORMANCE_SCENARIO:-}" ] && [ "$REQ_VERSION" != "none" ]; then
  install_suite "$REQ_VERSION"
  run_suite "$WORK/requirements.log" --requirements "$REQUIREMENTS"
  passed=$((passed + PASSED))
  failed=$((failed + FAILED))
  [ "$SUITE_STATUS" -eq 0 ] || status=$SUITE_STATUS
  echo "conformance: suite ${REQ_VERSION} --requirements ${REQUIREMENTS}: ${PASSED} passed, ${FAILED} failed (exit code $SUITE_STATUS)" >&2
fi

# The 2026-07-28 requirements, against the same server and then a --stateless one. The tasks extension
# scenarios are expected failures (scripts/conformance-2026-expected.yaml): with the baseline met, the
# run's failed checks are all expected and count as 0; otherwise every failed check counts.
if [ -z "${CONFORMANCE_SCENARIO:-}" ] && [ "$REQ_VERSION" != "none" ] && [ "${CONFORMANCE_2026:-1}" != "0" ]; then
  for mode in stateful stateless; do
    if [ "$mode" = "stateless" ]; then
      stop_server
      start_server --stateless
    fi
    run_suite "$WORK/requirements-2026-$mode.log" --requirements 2026-07-28 \
      --expected-failures "$ROOT/scripts/conformance-2026-expected.yaml"
    [ "$SUITE_STATUS" -eq 0 ] && FAILED=0
    passed=$((passed + PASSED))
    failed=$((failed + FAILED))
    [ "$SUITE_STATUS" -eq 0 ] || status=$SUITE_STATUS
    echo "conformance: suite ${REQ_VERSION} --requirements 2026-07-28 ($mode): ${PASSED} passed, ${FAILED} failed beyond the expected tasks-* failures (exit code $SUITE_STATUS)" >&2
  done
fi

echo "conformance: took $((SECONDS - START)) s" >&2
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "conformance: the server died during the run; its log:" >&2
  cat "$WORK/server.log" >&2
fi

# 4. The closing count.
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]

#!/usr/bin/env bash
# Runs the active server scenarios of @modelcontextprotocol/conformance against
# examples/everything served by `mcpkit run` over Streamable HTTP.
#
# The suite needs Node 22; the `node@22` npm package provides it, installed
# with the suite into a tools directory (npm registry only, nothing else is
# downloaded). Prints the suite's output, then as its LAST line a plain
# `N passed, M failed` (checks, as the suite counts them). Exits non-zero on
# any failed check, or when the suite or the server cannot run.
#
# Environment:
#   CONFORMANCE_PORT       port to serve on (default 3001)
#   CONFORMANCE_VERSION    suite version range (default 0.1, the latest 0.1.x)
#   CONFORMANCE_TOOLS_DIR  where node@22 and the suite are installed
#                          (default ${TMPDIR:-/tmp}/mcpkit-conformance-<version>)
#   CONFORMANCE_SCENARIO   run one scenario instead of the active suite
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${CONFORMANCE_PORT:-3001}"
VERSION="${CONFORMANCE_VERSION:-0.1}"
TOOLS="${CONFORMANCE_TOOLS_DIR:-${TMPDIR:-/tmp}/mcpkit-conformance-${VERSION}}"
URL="http://localhost:${PORT}/mcp"
WORK="$(mktemp -d)"
SERVER_PID=""
START=$SECONDS

# Reports a failure that kept the suite from running, as the closing count line.
abort() {
  echo "conformance: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# 1. The suite and a Node 22 to run it, installed once per tools directory.
NODE22="$TOOLS/node_modules/node/bin/node"
SUITE="$TOOLS/node_modules/@modelcontextprotocol/conformance/dist/index.js"
if [ ! -x "$NODE22" ] || [ ! -f "$SUITE" ]; then
  echo "conformance: installing node@22 and @modelcontextprotocol/conformance@${VERSION} into $TOOLS" >&2
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{ "name": "mcpkit-conformance-tools", "private": true }' >"$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error \
    "node@22" "@modelcontextprotocol/conformance@${VERSION}") >&2 ||
    abort "could not install the suite (npm install failed)"
fi
"$NODE22" --version >/dev/null 2>&1 || abort "the node@22 binary in $TOOLS does not run"
echo "conformance: suite $("$NODE22" -p "require('$TOOLS/node_modules/@modelcontextprotocol/conformance/package.json').version") on node $("$NODE22" --version)" >&2

# 2. The fixture server, from the sources (tsx resolves @mcpkit/* through tsconfig paths).
cd "$ROOT" || abort "no repository at $ROOT"
node packages/runtime/bin/mcpkit.js run examples/everything/server.ts --transport http --port "$PORT" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

ready=""
for _ in $(seq 1 150); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    cat "$WORK/server.log" >&2
    abort "the server exited before it was ready"
  fi
  if "$NODE22" -e "fetch('http://localhost:${PORT}/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    ready=1
    break
  fi
  sleep 0.2
done
[ -n "$ready" ] || { cat "$WORK/server.log" >&2; abort "the server did not answer /health within 30 s"; }
sed 's/^/[server] /' "$WORK/server.log" >&2

# 3. The suite: the active scenarios (or one), its output shown as it runs.
args=(server --url "$URL")
if [ -n "${CONFORMANCE_SCENARIO:-}" ]; then args+=(--scenario "$CONFORMANCE_SCENARIO"); fi
(cd "$WORK" && "$NODE22" "$SUITE" "${args[@]}") 2>&1 | tee "$WORK/suite.log"
suite_status=${PIPESTATUS[0]}

echo "conformance: took $((SECONDS - START)) s, suite exit code $suite_status" >&2
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "conformance: the server died during the run; its log:" >&2
  cat "$WORK/server.log" >&2
fi

# 4. The closing count: the suite's own Total line (one scenario prints "Passed: N/T, M failed").
total="$(grep -Eo 'Total: [0-9]+ passed, [0-9]+ failed' "$WORK/suite.log" | tail -1)"
if [ -n "$total" ]; then
  passed="$(echo "$total" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+')"
  failed="$(echo "$total" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+')"
else
  single="$(grep -Eo 'Passed: [0-9]+/[0-9]+, [0-9]+ failed' "$WORK/suite.log" | tail -1)"
  [ -n "$single" ] || abort "the suite printed no totals (exit code $suite_status)"
  passed="$(echo "$single" | sed -E 's/Passed: ([0-9]+)\/.*/\1/')"
  failed="$(echo "$single" | sed -E 's/.*, ([0-9]+) failed/\1/')"
fi
if [ "$suite_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] && [ "$suite_status" -eq 0 ]

# Shared steps of scripts/conformance.sh and scripts/conformance-2026.sh (sourced, not run):
# install a suite version with a Node 22 to run it, serve examples/everything, run a suite
# and read its check counts. Callers set ROOT, PORT and WORK, and define abort().

# install_suite VERSION: installs node@22 and @modelcontextprotocol/conformance@VERSION into
# ${TMPDIR:-/tmp}/mcpkit-conformance-VERSION, or CONFORMANCE_TOOLS_DIR/VERSION when that is set
# (once per version; npm registry only),
# then sets NODE22 and SUITE to the Node binary and the suite's entry point.
install_suite() {
  local version="$1" tools
  if [ -n "${CONFORMANCE_TOOLS_DIR:-}" ]; then tools="$CONFORMANCE_TOOLS_DIR/$version"; else tools="${TMPDIR:-/tmp}/mcpkit-conformance-${version}"; fi
  NODE22="$tools/node_modules/node/bin/node"
  SUITE="$tools/node_modules/@modelcontextprotocol/conformance/dist/index.js"
  if [ ! -x "$NODE22" ] || [ ! -f "$SUITE" ]; then
    echo "conformance: installing node@22 and @modelcontextprotocol/conformance@${version} into $tools" >&2
    mkdir -p "$tools"
    [ -f "$tools/package.json" ] || echo '{ "name": "mcpkit-conformance-tools", "private": true }' >"$tools/package.json"
    (cd "$tools" && npm install --no-audit --no-fund --loglevel=error \
      "node@22" "@modelcontextprotocol/conformance@${version}") >&2 ||
      abort "could not install suite ${version} (npm install failed)"
  fi
  "$NODE22" --version >/dev/null 2>&1 || abort "the node@22 binary in $tools does not run"
  echo "conformance: suite $("$NODE22" -p "require('$tools/node_modules/@modelcontextprotocol/conformance/package.json').version") on node $("$NODE22" --version)" >&2
}

# start_server [extra mcpkit run flags...]: serves the fixture from the sources on PORT and
# waits for /health; sets SERVER_PID. The caller's EXIT trap stops it.
start_server() {
  cd "$ROOT" || abort "no repository at $ROOT"
  node packages/runtime/bin/mcpkit.js run examples/everything/server.ts --transport http --port "$PORT" "$@" \
    >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  local ready=""
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
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
}

# run_suite LOG [suite args...]: runs `server --url URL args...` with NODE22/SUITE, showing
# its output and keeping it in LOG; sets SUITE_STATUS, PASSED and FAILED (the suite's own
# `Total:` line, or a single scenario's `Passed: N/T, M failed`). A non-zero exit with no
# failed check counts as one failure.
run_suite() {
  local log="$1"
  shift
  (cd "$WORK" && "$NODE22" "$SUITE" server --url "http://localhost:${PORT}/mcp" "$@") 2>&1 | tee "$log"
  SUITE_STATUS=${PIPESTATUS[0]}
  local total single
  total="$(grep -Eo 'Total: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
  if [ -n "$total" ]; then
    PASSED="$(echo "$total" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+')"
    FAILED="$(echo "$total" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+')"
  else
    single="$(grep -Eo 'Passed: [0-9]+/[0-9]+, [0-9]+ failed' "$log" | tail -1)"
    [ -n "$single" ] || abort "the suite printed no totals (exit code $SUITE_STATUS)"
    PASSED="$(echo "$single" | sed -E 's/Passed: ([0-9]+)\/.*/\1/')"
    FAILED="$(echo "$single" | sed -E 's/.*, ([0-9]+) failed/\1/')"
  fi
  if [ "$SUITE_STATUS" -ne 0 ] && [ "$FAILED" -eq 0 ]; then FAILED=1; fi
}

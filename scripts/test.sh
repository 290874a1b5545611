#!/usr/bin/env bash
# The full test suite, from a bare machine (Node 20 + npm): install, typecheck,
# lint, unit/protocol tests, the MCP conformance suite and a quick benchmark
# smoke run (figures printed, never judged). Ends with one plain line: `N passed, M failed`.
set -uo pipefail
cd "$(dirname "$0")/.."

export CI="${CI:-true}"
PNPM=(npx -y pnpm@10)
passed=0
failed=0
report="$(mktemp -d)"

# Each step's wall time, printed as it ends and summed up at the end (CI must stay under 15 minutes).
timings=()
step_name=""
step_started=$SECONDS
end_step() {
  if [ -n "$step_name" ]; then
    timings+=("$(printf '%5d s  %s' $((SECONDS - step_started)) "$step_name")")
    echo "<== $((SECONDS - step_started)) s: $step_name"
  fi
  step_name=""
}
step() {
  end_step
  step_name="$*"
  step_started=$SECONDS
  echo; echo "==> $*"
}

step "system packages (Chromium, redis-server, nginx)"
# From Debian, each only when missing, in one apt run:
# - chromium, driven by playwright-core for the sign-in browser tests: never a downloaded browser;
# - redis-server: the scale-out tests start their own on a free loopback port and stop it after;
# - nginx-light: examples/cluster runs it in the foreground with its own config (never as a service).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ "${#missing[@]}" -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null || echo "system package install failed: ${missing[*]}"
fi

step "install"
if ! "${PNPM[@]}" install --frozen-lockfile; then
  echo "install failed"
  echo "0 passed, 1 failed"
  exit 1
fi

step "typecheck (tsc, including type tests)"
if "${PNPM[@]}" run typecheck; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

step "lint and format (biome check)"
if "${PNPM[@]}" exec biome check .; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

step "tests (vitest)"
"${PNPM[@]}" exec vitest run --reporter=default --reporter=json --outputFile="$report/vitest.json"
vitest_status=$?
if [ -f "$report/vitest.json" ]; then
  # Files that failed to load have no assertions but must still count as failures.
  read -r p f < <(node -e '
    const r = require(process.argv[1]);
    const broken = r.testResults.filter((t) => t.status === "failed" && t.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + broken);
  ' "$report/vitest.json")
  passed=$((passed + p)); failed=$((failed + f))
  # A non-zero exit with no failed test (an unhandled error, say) is still a failure.
  if [ "$vitest_status" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
else
  failed=$((failed + 1))
fi

if [ -f scripts/conformance.sh ]; then
  step "MCP conformance suite"
  bash scripts/conformance.sh | tee "$report/conformance.log"
  status=${PIPESTATUS[0]}
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$report/conformance.log" | tail -n 1)
  if [ -n "$line" ]; then
    passed=$((passed + $(echo "$line" | awk '{print $1}'))); failed=$((failed + $(echo "$line" | awk '{print $3}')))
  fi
  if [ "$status" -ne 0 ] && [ -z "$line" ]; then failed=$((failed + 1)); fi
fi

if [ -f scripts/pack-check.mjs ]; then
  # The packages as published: pack, install the tarballs into a scratch project, build, type-check, run a server.
  step "packed tarballs in a scratch project (node scripts/pack-check.mjs)"
  if node scripts/pack-check.mjs; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi

if [ -f scripts/node-matrix.sh ]; then
  # The protocol-level tests on the other Node majors `engines` admits (npm's node@22 and node@24).
  for major in 22 24; do
    step "protocol tests on Node ${major} (bash scripts/node-matrix.sh ${major})"
    if bash scripts/node-matrix.sh "$major"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  done
fi

if [ -f examples/runtimes/check.mjs ]; then
  # The fetch handler on the runtimes the README names: Bun.serve, Deno.serve and workerd (npm's bun, deno and workerd).
  step "Bun, Deno and workerd servers driven by the SDK client (examples/runtimes/check.mjs)"
  if node examples/runtimes/check.mjs; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi

if [ -d bench ]; then
  # Keeps the benchmark harness from rotting: every scenario briefly, no thresholds (exit 0 whatever the numbers).
  step "benchmark harness (pnpm bench --quick)"
  if "${PNPM[@]}" bench --quick; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi

end_step
echo
echo "step times (wall):"
printf '%s\n' "${timings[@]}"
printf '%5d s  total\n' "$SECONDS"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

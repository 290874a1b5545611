#!/usr/bin/env bash
# The protocol-level tests (core, sessions, stdio, Streamable HTTP, SSE, the
# in-memory client) on another Node major, from the npm registry's `node`
# package: `bash scripts/node-matrix.sh 22`. The full suite runs on the CI's
# own Node (20); this keeps the other majors honest within the CI time budget.
set -uo pipefail
cd "$(dirname "$0")/.."
major="${1:?usage: scripts/node-matrix.sh <node major>}"
echo "node $(npx -y "node@${major}" -v)"
exec npx -y "node@${major}" node_modules/vitest/vitest.mjs run \
  packages/core \
  packages/runtime/test/connect.test.ts \
  packages/runtime/test/connect-client.test.ts \
  packages/runtime/test/session.test.ts \
  packages/runtime/test/session-requests.test.ts \
  packages/runtime/test/stdio.test.ts \
  packages/runtime/test/http.test.ts \
  packages/runtime/test/sse.test.ts \
  packages/runtime/test/test-context-lifespan.test.ts

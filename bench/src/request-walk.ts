/**
 * The walk of one request: which source files under `packages/*\/src` run code
 * while a server answers a single `tools/call` on an initialized session.
 * Measured with V8 precise coverage (call counts reset just before the call),
 * so it counts files, not lines. Used for docs/architecture.md's request path.
 *
 *   npx -y pnpm@10 --filter @mcpkit/bench walk           # stateful 2025 session
 *   npx -y pnpm@10 --filter @mcpkit/bench walk --2026    # a modern (2026-07-28) request
 */
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
// The sources themselves (root tsconfig paths), not the built bundles, so files can be counted.
import { createServer, tool } from '@mcpkit/core';
import { serveHttp } from '@mcpkit/runtime';
import * as v from 'valibot';

const modern = process.argv.includes('--2026');
const root = fileURLToPath(new URL('../../packages/', import.meta.url));

const server = createServer({ name: 'walk', version: '1.0.0' }, [
  tool({ name: 'add', input: v.object({ a: v.number(), b: v.number() }), run: ({ a, b }) => `${a + b}` }),
]);
const running = await serveHttp(server, { port: 0 });
const headers: Record<string, string> = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};
const post = async (body: unknown, extra: Record<string, string> = {}) => {
  const response = await fetch(running.url, {
    method: 'POST',
    headers: { ...headers, ...extra },
    body: JSON.stringify(body),
  });
  return { response, text: await response.text() };
};

const callParams = { name: 'add', arguments: { a: 1, b: 2 } };
let call: () => Promise<{ response: Response; text: string }>;
if (modern) {
  const meta = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'walk', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': {},
  };
  const extra = { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'add' };
  call = () => post({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { ...callParams, _meta: meta } }, extra);
} else {
  const init = await post({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'walk', version: '1' } },
  });
  const session = init.response.headers.get('mcp-session-id') ?? '';
  const extra = { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' };
  await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, extra);
  call = () => post({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: callParams }, extra);
}
await call(); // warm: lazily created state is not part of the walk

const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
await inspector.post('Profiler.takePreciseCoverage'); // resets the counters
const { text } = await call();
const { result } = await inspector.post('Profiler.takePreciseCoverage');
await inspector.post('Profiler.stopPreciseCoverage');
await running.close();

if (!text.includes('"3"')) throw new Error(`unexpected answer: ${text}`);
const files = result
  .filter((script) => script.url.startsWith('file://') && script.functions.some((f) => f.ranges[0]?.count))
  .map((script) => fileURLToPath(script.url))
  .filter((path) => path.startsWith(root) && path.includes('/src/'))
  .map((path) => path.slice(root.length));
for (const name of new Set(files.map((path) => path.split('/')[0]))) {
  const list = files.filter((path) => path.startsWith(`${name}/`)).sort();
  console.log(`${name} (${list.length}):\n  ${list.join('\n  ')}`);
}
console.log(`${files.length} files ran code for one ${modern ? '2026' : 'stateful 2025'} tools/call`);

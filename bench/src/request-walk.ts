/**
 * The walk of one request: which source files under `packages/*\/src` run code
 * while a server answers a single `tools/call` on an initialized session.
 * Measured with V8 precise coverage (call counts reset just before the call),
 * so it counts files, not lines. Used for docs/architecture.md's request path.
 * The tool takes a snapshot while it runs, which splits the walk in two: the
 * files entered on the way in, and those entered on the way out (a file in
 * both is re-entered: called again after the handler, not merely returned to).
 *
 *   npx -y pnpm@10 --filter @mcpkit/bench walk           # stateful 2025 session
 *   npx -y pnpm@10 --filter @mcpkit/bench walk --2026    # a modern (2026-07-28) request
 */
import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';
// The sources themselves (root tsconfig paths), not the built bundles, so files can be counted.
import { createServer, tool } from '@mcpkit/core';
import { serveHttp } from '@mcpkit/runtime';
import * as v from 'valibot';

const modern = process.argv.includes('--2026');
const root = fileURLToPath(new URL('../../packages/', import.meta.url));

interface ScriptCoverage {
  readonly url: string;
  readonly scriptId: string;
  readonly functions: readonly {
    readonly functionName: string;
    readonly ranges: readonly { readonly startOffset: number; readonly count: number }[];
  }[];
}
const inspector = new Session();
inspector.connect();
// On the main thread the inspector answers synchronously: the snapshot is taken inside the handler.
const post = (method: string, params?: object): ScriptCoverage[] => {
  let out: ScriptCoverage[] = [];
  inspector.post(method, params, (error, result) => {
    if (error) throw error;
    out = (result as { result?: ScriptCoverage[] } | undefined)?.result ?? [];
  });
  return out;
};
/** The files under packages/*\/src with a function entered since the last snapshot. */
const entered = (coverage: readonly ScriptCoverage[]): string[] =>
  coverage
    .filter((script) => script.url.startsWith('file://') && script.functions.some((f) => f.ranges[0]?.count))
    .map((script) => fileURLToPath(script.url))
    .filter((path) => path.startsWith(root) && path.includes('/src/'))
    .map((path) => path.slice(root.length))
    .sort();

/**
 * The openings of the (transpiled) functions entered in `path`. V8 counts an
 * async function's resumption after an `await` as an entry: that is the way
 * back through the call chain, not a new call, so those are marked.
 */
const functionsEntered = (coverage: readonly ScriptCoverage[], path: string): { text: string; resumed: boolean }[] => {
  const script = coverage.find((candidate) => candidate.url.endsWith(path));
  if (!script) return [];
  let source = '';
  inspector.post('Debugger.getScriptSource', { scriptId: script.scriptId }, (error, result) => {
    if (!error) source = (result as { scriptSource: string }).scriptSource;
  });
  return script.functions
    .filter((f) => f.ranges[0]?.count && (f.ranges[0]?.startOffset ?? 0) > 0)
    .map((f) => {
      const text = source.slice(f.ranges[0]?.startOffset, (f.ranges[0]?.startOffset ?? 0) + 48).replace(/\s+/g, ' ');
      return { text, resumed: /^async\b/.test(text) };
    });
};

let measuring = false;
let wayIn: string[] = [];
const server = createServer({ name: 'walk', version: '1.0.0' }, [
  tool({
    name: 'add',
    input: v.object({ a: v.number(), b: v.number() }),
    run: ({ a, b }) => {
      if (measuring) wayIn = entered(post('Profiler.takePreciseCoverage'));
      return `${a + b}`;
    },
  }),
]);
const running = await serveHttp(server, { port: 0 });
const headers: Record<string, string> = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};
const send = async (body: unknown, extra: Record<string, string> = {}) => {
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
  call = () => send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { ...callParams, _meta: meta } }, extra);
} else {
  const init = await send({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'walk', version: '1' } },
  });
  const session = init.response.headers.get('mcp-session-id') ?? '';
  const extra = { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' };
  await send({ jsonrpc: '2.0', method: 'notifications/initialized' }, extra);
  call = () => send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: callParams }, extra);
}
await call(); // warm: lazily created state is not part of the walk

post('Profiler.enable');
post('Debugger.enable');
post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
post('Profiler.takePreciseCoverage'); // resets the counters
measuring = true;
const { text } = await call();
const outCoverage = post('Profiler.takePreciseCoverage');
const wayOut = entered(outCoverage);
post('Profiler.stopPreciseCoverage');
await running.close();

if (!text.includes('"3"')) throw new Error(`unexpected answer: ${text}`);
const files = [...new Set([...wayIn, ...wayOut])].sort();
// Called again on the way out: a file of the way in with a function newly called (not an async one resuming).
const called = new Map(wayOut.map((path) => [path, functionsEntered(outCoverage, path).filter((f) => !f.resumed)]));
const reentered = wayOut.filter((path) => wayIn.includes(path) && (called.get(path)?.length ?? 0) > 0);
for (const name of new Set(files.map((path) => path.split('/')[0]))) {
  const list = files.filter((path) => path.startsWith(`${name}/`));
  console.log(`${name} (${list.length}):`);
  for (const path of list) {
    const note = !wayOut.includes(path)
      ? ''
      : !wayIn.includes(path)
        ? '  (out)'
        : reentered.includes(path)
          ? '  (in, and called again out)'
          : '  (in, resumed out)';
    // With --verbose, the functions newly called on the way out.
    const names =
      process.argv.includes('--verbose') && note
        ? ` ${called
            .get(path)
            ?.map((f) => f.text)
            .join(' | ')}`
        : '';
    console.log(`  ${path}${note}${names}`);
  }
}
console.log(
  `${files.length} files ran code for one ${modern ? '2026' : 'stateful 2025'} tools/call: ${wayIn.length} on the way in, ` +
    `${wayOut.length} entered on the way out, ${reentered.length} of these called again after the handler`,
);

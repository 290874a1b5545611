import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import everything from '../../../examples/everything/server.js';
import type { RunningServer } from '../src/index.js';
import { cliArgs, EVERYTHING, ROOT } from './cli-helpers.js';
import { createCleanup, startHttp } from './http-helpers.js';

/**
 * The 2025-11-25 wire, byte for byte: the exact status, content type and body
 * mcpkit answers the everything fixture's calls with, over stateless JSON and
 * over a stateful SSE session, and over stdio. Serving the 2026 era beside it must leave these
 * transcripts unchanged; update them (`vitest run -u`) only for a deliberate
 * change of the 2025 wire, such as a new fixture tool.
 */

const cleanup = createCleanup();
afterAll(() => cleanup.run());

const VERSION = '2025-11-25';
const ACCEPT = 'application/json, text/event-stream';

interface Exchange {
  readonly name: string;
  /** A JSON value, or raw text when a string. */
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

const call = (id: number, method: string, params?: Record<string, unknown>) => ({
  jsonrpc: '2.0',
  id,
  method,
  ...(params === undefined ? {} : { params }),
});

const initialize = call(1, 'initialize', {
  protocolVersion: VERSION,
  capabilities: {},
  clientInfo: { name: 'wire-snapshot', version: '1.0.0' },
});

/** One request and its answer as text; the session id is masked (it is random). */
const exchange = async (url: string, step: Exchange, session?: string): Promise<string> => {
  const body = typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: ACCEPT,
      'mcp-protocol-version': VERSION,
      ...(session ? { 'mcp-session-id': session } : {}),
      ...step.headers,
    },
    body,
  });
  const text = (await response.text()).replaceAll(session ?? '\u0000', '<session>');
  const sessionHeader = response.headers.get('mcp-session-id') ? ' mcp-session-id: <session>' : '';
  return `### ${step.name}\n> ${body}\n< ${response.status} ${response.headers.get('content-type') ?? '-'}${sessionHeader}\n${text}\n`;
};

const statelessSteps: readonly Exchange[] = [
  { name: 'initialize', body: initialize },
  { name: 'tools/list', body: call(2, 'tools/list') },
  { name: 'resources/list', body: call(3, 'resources/list') },
  { name: 'resources/templates/list', body: call(4, 'resources/templates/list') },
  { name: 'prompts/list', body: call(5, 'prompts/list') },
  ...[
    'test_simple_text',
    'test_image_content',
    'test_audio_content',
    'test_embedded_resource',
    'test_multiple_content_types',
    'test_error_handling',
    'test_custom_header',
    'json_schema_2020_12_tool',
  ].map((name, i) => ({
    name: `tools/call ${name}`,
    body: call(10 + i, 'tools/call', { name, arguments: name === 'test_custom_header' ? { region: 'eu' } : {} }),
  })),
  {
    name: 'tools/call test_sampling (stateless: no client to ask)',
    body: call(30, 'tools/call', { name: 'test_sampling', arguments: { prompt: 'hi' } }),
  },
  {
    name: 'tools/call with bad arguments',
    body: call(31, 'tools/call', { name: 'test_sampling', arguments: { prompt: 1 } }),
  },
  { name: 'tools/call of an unknown tool', body: call(32, 'tools/call', { name: 'nope', arguments: {} }) },
  { name: 'resources/read static text', body: call(40, 'resources/read', { uri: 'test://static-text' }) },
  { name: 'resources/read static binary', body: call(41, 'resources/read', { uri: 'test://static-binary' }) },
  { name: 'resources/read template', body: call(42, 'resources/read', { uri: 'test://template/7/data' }) },
  { name: 'resources/read of an unknown uri', body: call(43, 'resources/read', { uri: 'test://missing' }) },
  { name: 'prompts/get simple', body: call(50, 'prompts/get', { name: 'test_simple_prompt' }) },
  {
    name: 'prompts/get with arguments',
    body: call(51, 'prompts/get', { name: 'test_prompt_with_arguments', arguments: { arg1: 'a', arg2: 'b' } }),
  },
  {
    name: 'prompts/get embedded resource',
    body: call(52, 'prompts/get', {
      name: 'test_prompt_with_embedded_resource',
      arguments: { resourceUri: 'test://static-text' },
    }),
  },
  { name: 'prompts/get with image', body: call(53, 'prompts/get', { name: 'test_prompt_with_image' }) },
  {
    name: 'completion/complete',
    body: call(60, 'completion/complete', {
      ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
      argument: { name: 'arg1', value: 'pa' },
    }),
  },
  { name: 'ping', body: call(70, 'ping') },
  { name: 'an unknown method', body: call(71, 'no/such') },
  { name: 'params that are not an object', body: { jsonrpc: '2.0', id: 72, method: 'tools/list', params: [1] } },
  { name: 'a notification', body: { jsonrpc: '2.0', method: 'notifications/initialized' } },
  { name: 'bad JSON', body: '{"jsonrpc":' },
  { name: 'a batch', body: [call(80, 'ping')] },
  { name: 'not JSON-RPC', body: { hello: 'world' } },
  {
    name: 'an unsupported protocol version header',
    body: call(81, 'tools/list'),
    headers: { 'mcp-protocol-version': '1999-01-01' },
  },
];

describe('the 2025-11-25 wire, byte for byte', () => {
  let stateless: RunningServer;
  let stateful: RunningServer;
  beforeAll(async () => {
    stateless = await startHttp(cleanup, { stateless: true, json: true }, everything);
    stateful = await startHttp(cleanup, {}, everything);
  });

  it('stateless JSON', async () => {
    let transcript = '';
    for (const step of statelessSteps) transcript += `${await exchange(stateless.url, step)}\n`;
    await expect(transcript).toMatchFileSnapshot('__snapshots__/legacy-wire.stateless.txt');
  });

  it('a stateful SSE session', async () => {
    const opened = await fetch(stateful.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: ACCEPT },
      body: JSON.stringify(initialize),
    });
    const session = opened.headers.get('mcp-session-id') ?? '';
    expect(session).not.toBe('');
    let transcript = `### initialize\n< ${opened.status} ${opened.headers.get('content-type')}\n${await opened.text()}\n\n`;
    const steps: readonly Exchange[] = [
      { name: 'notifications/initialized', body: { jsonrpc: '2.0', method: 'notifications/initialized' } },
      { name: 'logging/setLevel', body: call(2, 'logging/setLevel', { level: 'info' }) },
      {
        name: 'tools/call test_tool_with_progress',
        body: call(3, 'tools/call', { name: 'test_tool_with_progress', arguments: {}, _meta: { progressToken: 'p' } }),
      },
      {
        name: 'tools/call test_tool_with_logging',
        body: call(4, 'tools/call', { name: 'test_tool_with_logging', arguments: {} }),
      },
      {
        name: 'tools/call test_streaming_elicitation',
        body: call(5, 'tools/call', { name: 'test_streaming_elicitation', arguments: {}, _meta: { progressToken: 9 } }),
      },
      { name: 'resources/subscribe', body: call(6, 'resources/subscribe', { uri: 'test://watched-resource' }) },
      { name: 'resources/unsubscribe', body: call(7, 'resources/unsubscribe', { uri: 'test://watched-resource' }) },
      {
        name: 'tools/call test_missing_capability',
        body: call(8, 'tools/call', { name: 'test_missing_capability', arguments: {} }),
      },
      { name: 'a second initialize', body: { ...initialize, id: 9 } },
    ];
    for (const step of steps) transcript += `${await exchange(stateful.url, step, session)}\n`;
    await expect(transcript).toMatchFileSnapshot('__snapshots__/legacy-wire.stateful.txt');
  });
});

describe('the 2025-11-25 stdio wire, byte for byte', () => {
  it('mcpkit run over stdio', async () => {
    const child = spawn(process.execPath, cliArgs('run', EVERYTHING), { cwd: ROOT, stdio: ['pipe', 'pipe', 'ignore'] });
    cleanup.add(() => child.kill());
    let pending = '';
    const lines: string[] = [];
    let wake = () => {};
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts);
      wake();
    });
    /** Writes one line and returns every line up to the answer with `id` (none for a notification). */
    const send = async (message: unknown, id?: number): Promise<string[]> => {
      child.stdin.write(`${JSON.stringify(message)}\n`);
      if (id === undefined) return [];
      const answered = (line: string) => line.startsWith(`{"jsonrpc":"2.0","id":${id},`);
      while (!lines.some(answered)) await new Promise<void>((resolve) => (wake = resolve));
      return lines.splice(0, lines.findIndex(answered) + 1);
    };
    const steps: readonly [string, unknown, number | undefined][] = [
      ['initialize', initialize, 1],
      ['notifications/initialized', { jsonrpc: '2.0', method: 'notifications/initialized' }, undefined],
      ['tools/list', call(2, 'tools/list'), 2],
      ['logging/setLevel', call(3, 'logging/setLevel', { level: 'info' }), 3],
      [
        'tools/call test_tool_with_logging',
        call(4, 'tools/call', { name: 'test_tool_with_logging', arguments: {} }),
        4,
      ],
      [
        'tools/call test_tool_with_progress',
        call(5, 'tools/call', { name: 'test_tool_with_progress', arguments: {}, _meta: { progressToken: 'p' } }),
        5,
      ],
      ['resources/read of an unknown uri', call(6, 'resources/read', { uri: 'test://missing' }), 6],
      ['an unknown method', call(7, 'no/such'), 7],
      ['ping', call(8, 'ping'), 8],
    ];
    let transcript = '';
    for (const [name, message, id] of steps) {
      const answer = await send(message, id);
      transcript += `### ${name}\n> ${JSON.stringify(message)}\n${answer.map((line) => `< ${line}\n`).join('')}\n`;
    }
    await expect(transcript).toMatchFileSnapshot('__snapshots__/legacy-wire.stdio.txt');
  });
});

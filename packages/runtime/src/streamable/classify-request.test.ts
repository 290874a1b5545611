import { LEGACY_PROTOCOL_VERSIONS, MODERN_PROTOCOL_VERSIONS, SUPPORTED_PROTOCOL_VERSIONS } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { type ClassifyInput, classifyRequest, rejectionBody } from './classify-request.js';
import type { HeaderParam } from './header-params.js';

const V = '2026-07-28';
const envelope = {
  'io.modelcontextprotocol/protocolVersion': V,
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
};
const b64 = (s: string) => `=?base64?${Buffer.from(s, 'utf8').toString('base64')}?=`;

const params: Record<string, readonly HeaderParam[]> = {
  sql: [
    { header: 'Region', path: ['region'], type: 'string' },
    { header: 'Limit', path: ['limit'], type: 'integer' },
    { header: 'Dry', path: ['opts', 'dry'], type: 'boolean' },
  ],
};

interface Case {
  readonly name: string;
  readonly http?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly unparsed?: true;
  readonly expected: Record<string, unknown>;
}

const call = (
  method: string,
  extra: Record<string, unknown> = {},
  meta: Record<string, unknown> = envelope,
  id: unknown = 7,
) => ({
  jsonrpc: '2.0',
  id,
  method,
  params: { ...extra, _meta: meta },
});
const modernHeaders = (method: string, more: Record<string, string> = {}) => ({
  'mcp-protocol-version': V,
  'mcp-method': method,
  ...more,
});
const toolHeaders = (more: Record<string, string> = {}) => modernHeaders('tools/call', { 'mcp-name': 'sql', ...more });
const sql = (args: Record<string, unknown>) => call('tools/call', { name: 'sql', arguments: args });
const reject = (httpStatus: number, code: number, id: unknown = 7) => ({ kind: 'reject', httpStatus, code, id });

const cases: readonly Case[] = [
  // Today's 2025 path, untouched.
  { name: 'GET is legacy', http: 'GET', expected: { kind: 'legacy', reason: 'http-method' } },
  { name: 'DELETE is legacy', http: 'DELETE', expected: { kind: 'legacy', reason: 'http-method' } },
  { name: 'bad JSON is legacy', unparsed: true, expected: { kind: 'legacy', reason: 'unparsed' } },
  {
    name: 'a legacy batch is legacy',
    body: [{ jsonrpc: '2.0', id: 1, method: 'ping' }],
    expected: { kind: 'legacy', reason: 'batch' },
  },
  {
    name: 'a posted response is legacy',
    body: { jsonrpc: '2.0', id: 1, result: {} },
    expected: { kind: 'legacy', reason: 'response' },
  },
  { name: 'a non-JSON-RPC body is legacy', body: { hello: 1 }, expected: { kind: 'legacy', reason: 'invalid' } },
  {
    name: 'non-object params are legacy',
    body: { jsonrpc: '2.0', id: 1, method: 'x', params: [1] },
    expected: { kind: 'legacy', reason: 'invalid' },
  },
  {
    name: 'initialize without a claim is legacy',
    body: { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25' } },
    headers: { 'mcp-protocol-version': '2025-11-25' },
    expected: { kind: 'legacy', reason: 'initialize' },
  },
  {
    name: 'no claim is legacy',
    body: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
    expected: { kind: 'legacy', reason: 'no-claim' },
  },
  {
    name: 'no claim with a 2025 header is legacy',
    body: { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: { progressToken: 1 } } },
    headers: { 'mcp-protocol-version': '2025-11-25', 'mcp-session-id': 's' },
    expected: { kind: 'legacy', reason: 'no-claim' },
  },
  {
    name: 'other reserved keys without the version key are no claim',
    body: call('tools/list', {}, { 'io.modelcontextprotocol/clientCapabilities': {} }),
    expected: { kind: 'legacy', reason: 'no-claim' },
  },
  {
    name: 'a legacy notification is legacy',
    body: { jsonrpc: '2.0', method: 'notifications/initialized' },
    expected: { kind: 'legacy', reason: 'no-claim' },
  },

  // Modern.
  {
    name: 'a claim with its headers is modern',
    body: call('tools/list'),
    headers: modernHeaders('tools/list'),
    expected: { kind: 'modern', message: 'request', id: 7, version: V, method: 'tools/list', name: undefined },
  },
  {
    name: 'server/discover is modern',
    body: call('server/discover', {}, envelope, 'd-1'),
    headers: modernHeaders('server/discover'),
    expected: { kind: 'modern', id: 'd-1', method: 'server/discover' },
  },
  {
    name: 'tools/call names its tool',
    body: call('tools/call', { name: 'echo', arguments: {} }),
    headers: modernHeaders('tools/call', { 'mcp-name': 'echo' }),
    expected: { kind: 'modern', method: 'tools/call', name: 'echo' },
  },
  {
    name: 'resources/read names its uri, Base64-encoded in the header',
    body: call('resources/read', { uri: 'file:///ü.txt' }),
    headers: modernHeaders('resources/read', { 'mcp-name': b64('file:///ü.txt') }),
    expected: { kind: 'modern', method: 'resources/read', name: 'file:///ü.txt' },
  },
  {
    name: 'prompts/get names its prompt',
    body: call('prompts/get', { name: 'greet' }),
    headers: modernHeaders('prompts/get', { 'mcp-name': 'greet' }),
    expected: { kind: 'modern', name: 'greet' },
  },
  {
    name: 'header values lose surrounding whitespace',
    body: call('tools/list'),
    headers: { 'mcp-protocol-version': ` ${V}\t`, 'mcp-method': ' tools/list ' },
    expected: { kind: 'modern' },
  },
  {
    name: 'a claimed notification needs no headers',
    body: { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1, _meta: envelope } },
    expected: { kind: 'modern', message: 'notification', id: undefined, method: 'notifications/cancelled' },
  },
  {
    name: 'a claim without the version header is refused (-32020)',
    body: call('tools/list'),
    headers: { 'mcp-method': 'tools/list' },
    expected: reject(400, -32020),
  },

  // Malformed envelope: 400 / -32602 naming the key.
  {
    name: 'missing clientCapabilities',
    body: call('tools/list', {}, { 'io.modelcontextprotocol/protocolVersion': V }),
    headers: modernHeaders('tools/list'),
    expected: {
      ...reject(400, -32602),
      data: { key: 'io.modelcontextprotocol/clientCapabilities', problem: 'missing' },
    },
  },
  {
    name: 'a non-string protocol version',
    body: call('tools/list', {}, { ...envelope, 'io.modelcontextprotocol/protocolVersion': 20260728 }),
    headers: modernHeaders('tools/list'),
    expected: {
      ...reject(400, -32602),
      data: { key: 'io.modelcontextprotocol/protocolVersion', problem: 'malformed' },
    },
  },
  {
    name: 'non-object capabilities',
    body: call('tools/list', {}, { ...envelope, 'io.modelcontextprotocol/clientCapabilities': 'all' }),
    headers: modernHeaders('tools/list'),
    expected: {
      ...reject(400, -32602),
      data: { key: 'io.modelcontextprotocol/clientCapabilities', problem: 'malformed' },
    },
  },
  {
    name: 'malformed clientInfo',
    body: call('tools/list', {}, { ...envelope, 'io.modelcontextprotocol/clientInfo': { name: 1 } }),
    headers: modernHeaders('tools/list'),
    expected: { ...reject(400, -32602), data: { key: 'io.modelcontextprotocol/clientInfo', problem: 'malformed' } },
  },
  {
    name: 'an unknown log level',
    body: call('tools/list', {}, { ...envelope, 'io.modelcontextprotocol/logLevel': 'loud' }),
    headers: modernHeaders('tools/list'),
    expected: { ...reject(400, -32602), data: { key: 'io.modelcontextprotocol/logLevel', problem: 'malformed' } },
  },
  {
    name: 'a modern header without a claim (request)',
    body: { jsonrpc: '2.0', id: 'r', method: 'tools/list' },
    headers: modernHeaders('tools/list'),
    expected: reject(400, -32602, 'r'),
  },
  {
    name: 'a modern header without a claim (notification)',
    body: { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } },
    headers: modernHeaders('notifications/cancelled'),
    expected: reject(400, -32602, null),
  },

  // Unsupported revision: 400 / -32022.
  {
    name: 'an unknown revision',
    body: call('tools/list', {}, { ...envelope, 'io.modelcontextprotocol/protocolVersion': '1900-01-01' }),
    headers: { 'mcp-protocol-version': '1900-01-01', 'mcp-method': 'tools/list' },
    expected: {
      ...reject(400, -32022),
      data: { supported: [...SUPPORTED_PROTOCOL_VERSIONS], requested: '1900-01-01' },
    },
  },
  {
    name: 'a legacy revision named in the envelope',
    body: call('tools/list', {}, { ...envelope, 'io.modelcontextprotocol/protocolVersion': '2025-11-25' }),
    expected: {
      ...reject(400, -32022),
      data: { supported: [...SUPPORTED_PROTOCOL_VERSIONS], requested: '2025-11-25' },
    },
  },

  // Header mismatches and missing headers: 400 / -32020.
  {
    name: 'version header disagreeing with the body',
    body: call('tools/list'),
    headers: { ...modernHeaders('tools/list'), 'mcp-protocol-version': '2025-11-25' },
    expected: { ...reject(400, -32020), data: { header: 'MCP-Protocol-Version' } },
  },
  {
    name: 'version header disagreeing with an unknown claimed revision',
    body: call('tools/list', {}, { ...envelope, 'io.modelcontextprotocol/protocolVersion': '1900-01-01' }),
    headers: modernHeaders('tools/list'),
    expected: reject(400, -32020),
  },
  {
    name: 'missing Mcp-Method',
    body: call('tools/list'),
    headers: { 'mcp-protocol-version': V },
    expected: { ...reject(400, -32020), data: { header: 'Mcp-Method' } },
  },
  {
    name: 'Mcp-Method disagreeing with the body',
    body: call('tools/list'),
    headers: modernHeaders('prompts/list'),
    expected: { ...reject(400, -32020), data: { header: 'Mcp-Method' } },
  },
  {
    name: 'Mcp-Method is case-sensitive',
    body: call('tools/list'),
    headers: modernHeaders('Tools/List'),
    expected: reject(400, -32020),
  },
  {
    name: 'missing Mcp-Name on tools/call',
    body: call('tools/call', { name: 'echo' }),
    headers: modernHeaders('tools/call'),
    expected: { ...reject(400, -32020), data: { header: 'Mcp-Name' } },
  },
  {
    name: 'Mcp-Name disagreeing with the body',
    body: call('prompts/get', { name: 'greet' }),
    headers: modernHeaders('prompts/get', { 'mcp-name': 'other' }),
    expected: reject(400, -32020),
  },
  {
    name: 'Mcp-Name with a broken Base64 sentinel',
    body: call('resources/read', { uri: 'a' }),
    headers: modernHeaders('resources/read', { 'mcp-name': '=?base64?YQ?=' }),
    expected: reject(400, -32020),
  },
  {
    name: 'a modern header on a legacy initialize',
    body: { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25' } },
    headers: { 'mcp-protocol-version': V },
    expected: reject(400, -32020, 1),
  },

  // Mcp-Param-* for x-mcp-header arguments.
  {
    name: 'param header matching',
    body: sql({ region: 'us-west1' }),
    headers: toolHeaders({ 'mcp-param-region': 'us-west1' }),
    expected: { kind: 'modern' },
  },
  {
    name: 'param header Base64',
    body: sql({ region: 'Hello' }),
    headers: toolHeaders({ 'mcp-param-region': b64('Hello') }),
    expected: { kind: 'modern' },
  },
  {
    name: 'param header Base64 of non-ASCII',
    body: sql({ region: 'Hello, 世界' }),
    headers: toolHeaders({ 'mcp-param-region': b64('Hello, 世界') }),
    expected: { kind: 'modern' },
  },
  {
    name: 'param header without the sentinel prefix is literal',
    body: sql({ region: 'SGVsbG8=' }),
    headers: toolHeaders({ 'mcp-param-region': 'SGVsbG8=' }),
    expected: { kind: 'modern' },
  },
  {
    name: 'param header without the sentinel suffix is literal',
    body: sql({ region: '=?base64?SGVsbG8=' }),
    headers: toolHeaders({ 'mcp-param-region': '=?base64?SGVsbG8=' }),
    expected: { kind: 'modern' },
  },
  {
    name: 'param header with bad Base64 padding',
    body: sql({ region: 'Hello' }),
    headers: toolHeaders({ 'mcp-param-region': '=?base64?SGVsbG8?=' }),
    expected: reject(400, -32020),
  },
  {
    name: 'param header with bad Base64 characters',
    body: sql({ region: 'Hello' }),
    headers: toolHeaders({ 'mcp-param-region': '=?base64?SGVs!!!bG8=?=' }),
    expected: reject(400, -32020),
  },
  {
    name: 'param header with a control character',
    body: sql({ region: 'a\u0001' }),
    headers: toolHeaders({ 'mcp-param-region': 'a\u0001' }),
    expected: reject(400, -32020),
  },
  {
    name: 'param header missing while the body has the value',
    body: sql({ region: 'x' }),
    headers: toolHeaders(),
    expected: { ...reject(400, -32020), data: { header: 'Mcp-Param-Region' } },
  },
  {
    name: 'param header disagreeing with the body',
    body: sql({ region: 'x' }),
    headers: toolHeaders({ 'mcp-param-region': 'y' }),
    expected: reject(400, -32020),
  },
  { name: 'absent argument needs no header', body: sql({}), headers: toolHeaders(), expected: { kind: 'modern' } },
  {
    name: 'null argument needs no header',
    body: sql({ region: null }),
    headers: toolHeaders(),
    expected: { kind: 'modern' },
  },
  {
    name: 'integers compare numerically',
    body: sql({ limit: 42 }),
    headers: toolHeaders({ 'mcp-param-limit': '42.0' }),
    expected: { kind: 'modern' },
  },
  {
    name: 'integers that differ',
    body: sql({ limit: 42 }),
    headers: toolHeaders({ 'mcp-param-limit': '43' }),
    expected: reject(400, -32020),
  },
  {
    name: 'a non-numeric integer header',
    body: sql({ limit: 42 }),
    headers: toolHeaders({ 'mcp-param-limit': '4x2' }),
    expected: reject(400, -32020),
  },
  {
    name: 'booleans as true/false',
    body: sql({ opts: { dry: false } }),
    headers: toolHeaders({ 'mcp-param-dry': 'false' }),
    expected: { kind: 'modern' },
  },
  {
    name: 'booleans are case-sensitive',
    body: sql({ opts: { dry: true } }),
    headers: toolHeaders({ 'mcp-param-dry': 'True' }),
    expected: reject(400, -32020),
  },
  {
    name: 'an unknown tool has no param headers to check',
    body: call('tools/call', { name: 'nope', arguments: { region: 'x' } }),
    headers: modernHeaders('tools/call', { 'mcp-name': 'nope' }),
    expected: { kind: 'modern', name: 'nope' },
  },

  // initialize claiming the modern era: 404 / -32601, no session.
  {
    name: 'initialize with a modern claim',
    body: call('initialize', { protocolVersion: '2025-11-25' }),
    headers: modernHeaders('initialize'),
    expected: reject(404, -32601),
  },

  // Batches, parse errors and invalid bodies under a modern header.
  {
    name: 'bad JSON under a modern header',
    unparsed: true,
    headers: modernHeaders('tools/list'),
    expected: reject(400, -32700, null),
  },
  { name: 'a batch with a modern element', body: [call('tools/list')], expected: reject(400, -32600, null) },
  {
    name: 'a batch under a modern header',
    body: [{ jsonrpc: '2.0', id: 1, method: 'ping' }],
    headers: modernHeaders('ping'),
    expected: reject(400, -32600, null),
  },
  {
    name: 'an invalid body under a modern header echoes its id',
    body: { jsonrpc: '1.0', id: 9, method: 'x' },
    headers: modernHeaders('x'),
    expected: reject(400, -32600, 9),
  },
  {
    name: 'a posted response under a modern header',
    body: { jsonrpc: '2.0', id: 1, result: {} },
    headers: modernHeaders('x'),
    expected: reject(400, -32600, 1),
  },
];

const inputOf = (c: Case): ClassifyInput => ({
  httpMethod: c.http ?? 'POST',
  headers: c.headers ?? {},
  body: c.unparsed ? { parsed: false } : { parsed: true, value: c.body },
  headerParams: (name) => params[name],
});

describe('classifyRequest', () => {
  it.each(cases)('$name', (c) => {
    expect(classifyRequest(inputOf(c))).toMatchObject(c.expected);
  });

  it('echoes string ids and names the key in the message', () => {
    const result = classifyRequest(
      inputOf({
        name: '',
        body: call('tools/list', {}, { 'io.modelcontextprotocol/protocolVersion': V }, 'abc'),
        expected: {},
      }),
    );
    expect(result).toMatchObject({ kind: 'reject', id: 'abc' });
    expect(result.kind === 'reject' && result.message).toContain('io.modelcontextprotocol/clientCapabilities');
  });

  it('hands the whole _meta and the validated envelope to the modern path', () => {
    const meta = { ...envelope, 'io.modelcontextprotocol/logLevel': 'info', progressToken: 'p', 'com.example/x': 1 };
    const result = classifyRequest(
      inputOf({ name: '', body: call('tools/list', {}, meta), headers: modernHeaders('tools/list'), expected: {} }),
    );
    expect(result).toEqual({
      kind: 'modern',
      message: 'request',
      id: 7,
      version: V,
      method: 'tools/list',
      name: undefined,
      meta,
      envelope: {
        protocolVersion: V,
        clientCapabilities: {},
        clientInfo: { name: 'c', version: '1' },
        logLevel: 'info',
      },
    });
  });

  it('checks no param headers without a lookup', () => {
    const result = classifyRequest({
      ...inputOf({ name: '', body: sql({ region: 'x' }), headers: toolHeaders(), expected: {} }),
      headerParams: undefined,
    });
    expect(result.kind).toBe('modern');
  });

  it('builds the JSON-RPC error response of a rejection', () => {
    const result = classifyRequest(
      inputOf({
        name: '',
        body: call('tools/list', {}, { ...envelope, 'io.modelcontextprotocol/protocolVersion': '1900-01-01' }),
        expected: {},
      }),
    );
    if (result.kind !== 'reject') throw new Error('expected a rejection');
    expect(rejectionBody(result)).toEqual({
      jsonrpc: '2.0',
      id: 7,
      error: {
        code: -32022,
        message: 'Unsupported protocol version',
        data: { supported: [...SUPPORTED_PROTOCOL_VERSIONS], requested: '1900-01-01' },
      },
    });
    const noData = classifyRequest(inputOf({ name: '', unparsed: true, headers: modernHeaders('x'), expected: {} }));
    if (noData.kind !== 'reject') throw new Error('expected a rejection');
    expect(rejectionBody(noData)).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32700, message: expect.any(String) },
    });
  });
});

describe('protocol version lists', () => {
  it('keeps the handshake list free of modern revisions', () => {
    expect(LEGACY_PROTOCOL_VERSIONS).toContain('2025-11-25');
    expect(MODERN_PROTOCOL_VERSIONS).toEqual(['2026-07-28']);
    expect(LEGACY_PROTOCOL_VERSIONS.some((v) => MODERN_PROTOCOL_VERSIONS.includes(v))).toBe(false);
    expect(SUPPORTED_PROTOCOL_VERSIONS).toEqual([...MODERN_PROTOCOL_VERSIONS, ...LEGACY_PROTOCOL_VERSIONS]);
    expect(Object.isFrozen(LEGACY_PROTOCOL_VERSIONS) && Object.isFrozen(MODERN_PROTOCOL_VERSIONS)).toBe(true);
  });
});

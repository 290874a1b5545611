import { describe, expect, test } from 'vitest';
import { ErrorCode } from '../errors/codes.js';
import type { Middleware } from '../middleware/middleware.js';
import { META } from '../protocol/modern.js';
import type { Era, McpRequest } from '../request/request.js';
import { resource } from '../resource/resource.js';
import { tool } from '../tool/tool.js';
import { createServer } from './create-server.js';

const info = { name: 'modern', version: '2.0.0', instructions: 'Be brief.' };
const components = [
  tool({ name: 'hello', run: () => 'hi' }),
  resource({ uri: 'data://config', read: () => ({ theme: 'dark' }) }),
];

const request = (method: string, params: Record<string, unknown> = {}, era: Era = 'modern'): McpRequest => ({
  id: 1,
  method,
  params,
  meta: undefined,
  era,
  protocolVersion: era === 'modern' ? '2026-07-28' : '2025-11-25',
  clientInfo: undefined,
  clientCapabilities: {},
  logLevel: undefined,
  auth: undefined,
});

const serverInfo = { [META.serverInfo]: { name: 'modern', version: '2.0.0' } };

describe('the modern era in the one method table', () => {
  const server = createServer(info, components);

  test('every modern result says its resultType and carries the server identity; legacy results are unchanged', async () => {
    expect(await server.dispatch(request('tools/call', { name: 'hello' }))).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { content: [{ type: 'text', text: 'hi' }], resultType: 'complete', _meta: serverInfo },
    });
    expect(await server.dispatch(request('tools/call', { name: 'hello' }, 'legacy'))).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { content: [{ type: 'text', text: 'hi' }] },
    });
  });

  test('cacheable results carry ttlMs and cacheScope, private and stale at once by default', async () => {
    for (const method of ['tools/list', 'resources/list', 'resources/templates/list', 'prompts/list']) {
      expect(await server.dispatch(request(method))).toMatchObject({
        result: { resultType: 'complete', ttlMs: 0, cacheScope: 'private', _meta: serverInfo },
      });
    }
    expect(await server.dispatch(request('resources/read', { uri: 'data://config' }))).toMatchObject({
      result: { ttlMs: 0, cacheScope: 'private' },
    });
    const call = await server.dispatch(request('tools/call', { name: 'hello' }));
    expect(call).not.toHaveProperty('result.ttlMs');
  });

  test('cache hints come from the server option per method, and a handler’s own valid ones win', async () => {
    const ownHints: Middleware = async (req, _ctx, next) => {
      const result = await next();
      return req.method === 'prompts/list' ? { ...result, ttlMs: 5, cacheScope: 'public' } : result;
    };
    const hinted = createServer(info, components, {
      cacheHints: { 'tools/list': { ttlMs: 60_000, cacheScope: 'public' }, 'prompts/list': { ttlMs: 9 } },
      middleware: [ownHints],
    });
    expect(await hinted.dispatch(request('tools/list'))).toMatchObject({
      result: { ttlMs: 60_000, cacheScope: 'public' },
    });
    expect(await hinted.dispatch(request('prompts/list'))).toMatchObject({
      result: { ttlMs: 5, cacheScope: 'public' },
    });
    expect(await hinted.dispatch(request('resources/list'))).toMatchObject({
      result: { ttlMs: 0, cacheScope: 'private' },
    });
  });

  test('methods the modern era removed are -32601, and the server says it does not answer them', async () => {
    for (const method of ['initialize', 'ping', 'logging/setLevel', 'resources/subscribe', 'resources/unsubscribe']) {
      expect(await server.dispatch(request(method, { uri: 'data://config', level: 'info' }))).toEqual({
        jsonrpc: '2.0',
        id: 1,
        error: { code: ErrorCode.MethodNotFound, message: `Method not found: ${method}` },
      });
      expect(server.hasMethod(method, 'modern')).toBe(false);
    }
    expect(server.hasMethod('ping')).toBe(true);
    expect(server.hasMethod('tools/call', 'modern')).toBe(true);
    expect(server.hasMethod('nope/nothing', 'modern')).toBe(false);
  });

  test('an unknown resource is -32602 with data.uri on the modern wire (-32002 on the legacy one)', async () => {
    expect(await server.dispatch(request('resources/read', { uri: 'data://missing' }))).toMatchObject({
      error: { code: ErrorCode.InvalidParams, data: { uri: 'data://missing' } },
    });
    expect(await server.dispatch(request('resources/read', { uri: 'data://missing' }, 'legacy'))).toMatchObject({
      error: { code: ErrorCode.ResourceNotFound, data: { uri: 'data://missing' } },
    });
  });

  test('server/discover names the revisions, capabilities, instructions and identity, in the modern shape on any era', async () => {
    for (const era of ['modern', 'legacy'] as const) {
      expect(await server.dispatch(request('server/discover', {}, era))).toEqual({
        jsonrpc: '2.0',
        id: 1,
        result: {
          supportedVersions: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05', '2024-10-07'],
          capabilities: server.capabilities,
          instructions: 'Be brief.',
          resultType: 'complete',
          _meta: serverInfo,
          ttlMs: 0,
          cacheScope: 'private',
        },
      });
    }
  });

  test('server/discover leaves instructions out when the server has none', async () => {
    const plain = createServer({ name: 'plain', version: '1' }, components);
    const answer = await plain.dispatch(request('server/discover'));
    expect(answer).toMatchObject({ result: { resultType: 'complete' } });
    expect(answer).not.toHaveProperty('result.instructions');
  });
});

/** MCP 2026-07-28 over stdio, beside 2025-11-25 in the same process: raw lines (subscriptions/listen included) and the SDK v2 client. */
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterEach, describe, expect, it } from 'vitest';
import { COUNTER_URI } from './fixtures/demo-server.js';
import { entryCommand, type RawChild, spawnRaw } from './fixtures/spawn-stdio.js';

const MODERN = '2026-07-28';
const meta = (extra: Record<string, unknown> = {}) => ({
  'io.modelcontextprotocol/protocolVersion': MODERN,
  'io.modelcontextprotocol/clientCapabilities': {},
  ...extra,
});
const byId = (id: unknown) => (message: Record<string, unknown>) => message.id === id && !('method' in message);
const byMethod = (method: string) => (message: Record<string, unknown>) => message.method === method;
const SUB = 'io.modelcontextprotocol/subscriptionId';
const bump = (id: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name: 'bump_counter', arguments: {}, _meta: meta() },
});

describe('stdio, raw: both eras in one process', () => {
  let child: RawChild | undefined;
  afterEach(() => {
    child?.kill();
    child = undefined;
  });

  it('answers server/discover before initialize without pinning the era, then serves either', async () => {
    child = spawnRaw();
    child.send({ jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta: meta() } });
    expect(await child.next(byId(1))).toMatchObject({
      result: { supportedVersions: expect.arrayContaining([MODERN, '2025-11-25']), resultType: 'complete' },
    });
    // A probe without a modern envelope is answered too (a dual-era client's stdio probe).
    child.send({ jsonrpc: '2.0', id: 2, method: 'server/discover' });
    expect(await child.next(byId(2))).toMatchObject({ result: { supportedVersions: expect.any(Array) } });
    child.send({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'modern' }, _meta: meta() },
    });
    expect(await child.next(byId(3))).toMatchObject({
      result: { content: [{ type: 'text', text: 'modern' }], resultType: 'complete' },
    });
    // The legacy handshake still works in the same process afterwards.
    child.send({
      jsonrpc: '2.0',
      id: 4,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'old', version: '1' } },
    });
    expect(await child.next(byId(4))).toMatchObject({ result: { protocolVersion: '2025-11-25' } });
  });

  it('refuses initialize and ping on the modern era with -32601, and a malformed envelope with -32602', async () => {
    child = spawnRaw();
    child.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: MODERN, _meta: meta() } });
    expect(await child.next(byId(1))).toMatchObject({ error: { code: -32601 } });
    child.send({ jsonrpc: '2.0', id: 2, method: 'ping', params: { _meta: meta() } });
    expect(await child.next(byId(2))).toMatchObject({ error: { code: -32601 } });
    child.send({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/list',
      params: { _meta: { 'io.modelcontextprotocol/protocolVersion': MODERN } },
    });
    expect(await child.next(byId(3))).toMatchObject({
      error: { code: -32602, data: { key: 'io.modelcontextprotocol/clientCapabilities' } },
    });
  });

  it('logs only for a request that asked for a level', async () => {
    child = spawnRaw();
    child.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'log_and_progress', arguments: { steps: 1 }, _meta: meta() },
    });
    await child.next(byId(1));
    expect(child.lines().filter((line) => line.includes('notifications/message'))).toEqual([]);
    child.send({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: {
        name: 'log_and_progress',
        arguments: { steps: 1 },
        _meta: meta({ 'io.modelcontextprotocol/logLevel': 'error' }),
      },
    });
    await child.next(byId(2));
    const logs = child.lines().filter((line) => line.includes('notifications/message'));
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0] as string)).toMatchObject({ params: { level: 'error' } });
  });

  it('ends a modern request on notifications/cancelled', async () => {
    child = spawnRaw();
    const call = (id: string, ms: number) => ({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'slow', arguments: { ms }, _meta: meta() },
    });
    child.send(call('cancelled', 100));
    child.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'cancelled' } });
    // A later call that waits longer: by its answer, the cancelled one would have answered had it run on.
    child.send(call('later', 300));
    expect(await child.next(byId('later'))).toMatchObject({ result: { content: [{ text: 'finished' }] } });
    expect(child.lines().some((line) => line.includes('"id":"cancelled"'))).toBe(false);
  });

  it('acknowledges, delivers stamped updates of the requested URIs only, and stops on notifications/cancelled', async () => {
    child = spawnRaw();
    child.send({
      jsonrpc: '2.0',
      id: 'L',
      method: 'subscriptions/listen',
      params: { notifications: { resourceSubscriptions: [COUNTER_URI], toolsListChanged: true }, _meta: meta() },
    });
    expect(await child.next(byMethod('notifications/subscriptions/acknowledged'))).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/subscriptions/acknowledged',
      params: {
        _meta: { [SUB]: 'L' },
        notifications: { resourceSubscriptions: [COUNTER_URI], toolsListChanged: true },
      },
    });
    child.send(bump(1));
    expect(await child.next(byMethod('notifications/resources/updated'))).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: COUNTER_URI, _meta: { [SUB]: 'L' } },
    });
    await child.next(byId(1));
    child.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'L' } });
    child.send(bump(2));
    await child.next(byId(2));
    // The update of the second bump is sent before its answer, had the subscription still been open.
    expect(child.lines().filter((line) => line.includes('notifications/resources/updated'))).toHaveLength(1);
    // The listen request itself is never answered: the client ended it.
    expect(child.lines().some((line) => line.includes('"id":"L"'))).toBe(false);
  });

  it('refuses a listen without a modern claim (-32601) and a bad filter (-32602)', async () => {
    child = spawnRaw();
    child.send({ jsonrpc: '2.0', id: 1, method: 'subscriptions/listen', params: { notifications: {} } });
    expect(await child.next(byId(1))).toMatchObject({ error: { code: -32601 } });
    child.send({
      jsonrpc: '2.0',
      id: 2,
      method: 'subscriptions/listen',
      params: { notifications: { resourceSubscriptions: 'demo://counter' }, _meta: meta() },
    });
    expect(await child.next(byId(2))).toMatchObject({ error: { code: -32602 } });
  });
});

describe('stdio: the SDK v2 client in each negotiation mode', () => {
  it.each([
    ['legacy', 'legacy', '2025-11-25'],
    ['auto', 'auto', MODERN],
    ['pin', { pin: MODERN }, MODERN],
  ] as const)('%s negotiates the expected revision and gets the same answers', async (_label, mode, expected) => {
    const client = new Client({ name: 'v2', version: '1.0.0' }, { versionNegotiation: { mode } });
    try {
      await client.connect(new StdioClientTransport(entryCommand()));
      expect(client.getNegotiatedProtocolVersion()).toBe(expected);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('add');
      expect((await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } })).structuredContent).toEqual({ sum: 5 });
    } finally {
      await client.close();
    }
  });
});

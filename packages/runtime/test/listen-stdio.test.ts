/** `subscriptions/listen` (2026-07-28) over stdio, with raw lines: one channel, stamped messages, ended by notifications/cancelled. */
import { afterEach, describe, expect, it } from 'vitest';
import { COUNTER_URI } from './fixtures/demo-server.js';
import { type RawChild, spawnRaw } from './fixtures/spawn-stdio.js';

const MODERN = '2026-07-28';
const SUB = 'io.modelcontextprotocol/subscriptionId';
const meta = { 'io.modelcontextprotocol/protocolVersion': MODERN, 'io.modelcontextprotocol/clientCapabilities': {} };
const byId = (id: unknown) => (message: Record<string, unknown>) => message.id === id && !('method' in message);
const byMethod = (method: string) => (message: Record<string, unknown>) => message.method === method;
const bump = (id: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name: 'bump_counter', arguments: {}, _meta: meta },
});

describe('subscriptions/listen over stdio', () => {
  let child: RawChild | undefined;
  afterEach(() => {
    child?.kill();
    child = undefined;
  });

  it('acknowledges, delivers stamped updates of the requested URIs only, and stops on notifications/cancelled', async () => {
    child = spawnRaw();
    child.send({
      jsonrpc: '2.0',
      id: 'L',
      method: 'subscriptions/listen',
      params: { notifications: { resourceSubscriptions: [COUNTER_URI], toolsListChanged: true }, _meta: meta },
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
      params: { notifications: { resourceSubscriptions: 'demo://counter' }, _meta: meta },
    });
    expect(await child.next(byId(2))).toMatchObject({ error: { code: -32602 } });
  });
});

import { createServer, tool } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { createSession } from './create-session.js';
import { coreOf } from './open-session.js';

const server = createServer({ name: 'records', version: '1' }, [
  tool({
    name: 'remember',
    run: (_args, ctx) => {
      ctx.session.state.set('seen', 1);
      return 'ok';
    },
  }),
  tool({
    name: 'hide',
    tags: ['admin'],
    run: (_args, ctx) => {
      ctx.session.disable({ tags: ['admin'] });
      return 'ok';
    },
  }),
]);

const request = (id: number, method: string, params?: Record<string, unknown>) =>
  ({ jsonrpc: '2.0', id, method, ...(params && { params }) }) as never;

describe('the session record', () => {
  it('holds what the client said and asked for, as data, and nothing live', async () => {
    const session = createSession(server, { id: 's1' });
    await session.receive(
      request(1, 'initialize', {
        protocolVersion: '2025-06-18',
        capabilities: { roots: {} },
        clientInfo: { name: 'c', version: '2' },
      }),
    );
    await session.receive(request(2, 'logging/setLevel', { level: 'debug' }));
    await session.receive(request(3, 'resources/subscribe', { uri: 'data://a' }));
    await session.receive(request(4, 'tools/call', { name: 'remember' }));
    await session.receive(request(5, 'tools/call', { name: 'hide' }));
    const { record } = coreOf(session);
    const asData = JSON.parse(
      JSON.stringify(record, (_key, value) =>
        value instanceof Set ? [...value] : value instanceof Map ? Object.fromEntries(value) : value,
      ),
    );
    expect(asData).toEqual({
      id: 's1',
      hello: { protocolVersion: '2025-06-18', capabilities: { roots: {} }, clientInfo: { name: 'c', version: '2' } },
      level: 'debug',
      subscriptions: ['data://a'],
      rules: [{ enabled: false, selector: { tags: ['admin'] } }],
      state: { seen: 1 },
    });
    expect(Object.keys(record).sort()).toEqual(['hello', 'id', 'level', 'rules', 'state', 'subscriptions']);
  });

  it('has no hello until initialize is answered, and none after a refused one', async () => {
    const session = createSession(server);
    expect(coreOf(session).record.hello).toBeUndefined();
    await session.receive(request(1, 'initialize', 'not params' as never));
    expect(coreOf(session).record.hello).toBeUndefined();
    expect(session.initialized).toBe(false);
  });
});

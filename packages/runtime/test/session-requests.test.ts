/**
 * The request context a session builds, through `session.receive` as a
 * transport drives it: with a stream of its own per request (Streamable HTTP)
 * or with the standing channel only (stdio); several requests in flight;
 * cancellation and close; what sessions of one hub share.
 */
import { createServer, everythingEnabled, type Server, tool } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { createSessionHub, type Session } from '../src/index.js';

type Message = Record<string, unknown>;

const initialize = (clientName = 'raw', capabilities: object = { sampling: {} }) =>
  ({
    jsonrpc: '2.0',
    id: 'init',
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities, clientInfo: { name: clientName, version: '1' } },
  }) as JSONRPCMessage;

const call = (id: string | number, name: string, args: object = {}, meta?: object) =>
  ({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name, arguments: args, ...(meta ? { _meta: meta } : {}) },
  }) as JSONRPCMessage;

const cancel = (requestId: string | number) =>
  ({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId } }) as JSONRPCMessage;

/** An initialized session whose outgoing messages are recorded in `out`. */
const openSession = async (server: Server, mode: 'own stream' | 'channel only', hub = createSessionHub(server)) => {
  const out: Message[] = [];
  const record = (message: JSONRPCMessage) => void out.push(message as Message);
  const session = hub.createSession({ id: crypto.randomUUID() });
  // stdio: everything on the standing channel. HTTP: each request's own stream, no standing channel.
  if (mode === 'channel only') session.setChannel(record);
  const related = mode === 'own stream' ? record : undefined;
  const send = async (message: JSONRPCMessage) => {
    const response = await session.receive(message, related);
    if (response) out.push(response as unknown as Message);
    return response as Message | undefined;
  };
  await send(initialize());
  await session.receive({ jsonrpc: '2.0', method: 'notifications/initialized' } as JSONRPCMessage);
  out.length = 0;
  return { session, hub, out, send };
};

const textOf = (response: Message | undefined) =>
  ((response?.result as { content?: { text?: string }[] } | undefined)?.content?.[0]?.text ?? '') as string;

describe.each(['own stream', 'channel only'] as const)('request context (%s)', (mode) => {
  const server = createServer({ name: 's', version: '1' }, [
    tool({
      name: 'busy',
      run: async (_args, ctx) => {
        const everything = ctx.session.isEnabled === everythingEnabled;
        ctx.log.debug('filtered out at the default level');
        ctx.log.warning('careful', 'busy');
        await ctx.progress(1, 2, 'halfway');
        ctx.session.disable({ names: ['hidden'] });
        // Live: the rule applies to this very request at once.
        const after = ctx.session.isEnabled === everythingEnabled;
        const seen = (ctx.session.state.get('seen') as number | undefined) ?? 0;
        ctx.session.state.set('seen', seen + 1);
        return JSON.stringify({ everything, after, seen, client: ctx.session.clientInfo?.name });
      },
    }),
    tool({ name: 'hidden', run: () => 'x' }),
  ]);

  it('sends logs, progress and list_changed before the answer, and keeps rules and state live', async () => {
    const { out, send } = await openSession(server, mode);
    const first = await send(call(1, 'busy', {}, { progressToken: 'p' }));
    expect(JSON.parse(textOf(first))).toEqual({ everything: true, after: false, seen: 0, client: 'raw' });
    expect(out.map((m) => m.method ?? `answer ${m.id}`)).toEqual([
      'notifications/message',
      'notifications/progress',
      'notifications/tools/list_changed',
      'answer 1',
    ]);
    expect(out[0]?.params).toEqual({ level: 'warning', logger: 'busy', data: 'careful' });
    expect(out[1]?.params).toEqual({ progressToken: 'p', progress: 1, total: 2, message: 'halfway' });
    // The next request sees the rule and the state; without a progress token nothing is sent for progress.
    out.length = 0;
    expect(JSON.parse(textOf(await send(call(2, 'busy'))))).toMatchObject({ everything: false, seen: 1 });
    expect(out.map((m) => m.method ?? `answer ${m.id}`)).toEqual(['notifications/message', 'answer 2']);
    const listed = await send({ jsonrpc: '2.0', id: 3, method: 'tools/list' } as JSONRPCMessage);
    expect((listed as { result: { tools: { name: string }[] } }).result.tools.map((t) => t.name)).toEqual(['busy']);
  });

  it('logs at the level the client set, from the next request on', async () => {
    const { out, send } = await openSession(server, mode);
    await send({ jsonrpc: '2.0', id: 1, method: 'logging/setLevel', params: { level: 'debug' } } as JSONRPCMessage);
    out.length = 0;
    await send(call(2, 'busy'));
    const levels = out.filter((m) => m.method === 'notifications/message').map((m) => (m.params as Message).level);
    expect(levels).toEqual(['debug', 'warning']);
  });
});

describe('requests in flight', () => {
  const aborted: unknown[] = [];
  const server = createServer({ name: 's', version: '1' }, [
    tool({
      name: 'wait',
      run: (_args, ctx) =>
        new Promise<string>((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => {
            aborted.push(ctx.requestId);
            reject(ctx.signal.reason);
          });
        }),
    }),
    tool({ name: 'quick', run: () => 'done' }),
  ]);
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('cancels exactly the request named, among several with look-alike ids, and close aborts the rest', async () => {
    aborted.length = 0;
    const { session, send } = await openSession(server, 'channel only');
    const answers = [send(call(1, 'wait')), send(call('1', 'wait')), send(call(2, 'wait'))];
    await settle();
    await session.receive(cancel('1'));
    await settle();
    expect(aborted).toEqual(['1']);
    await session.receive(cancel(2));
    await settle();
    expect(aborted).toEqual(['1', 2]);
    // A finished id may be used again, and that new request is the one a cancel reaches.
    const again = send(call('1', 'wait'));
    await settle();
    expect(await send(call(3, 'quick'))).toMatchObject({ id: 3, result: { content: [{ text: 'done' }] } });
    session.close();
    await settle();
    expect(aborted).toEqual(['1', 2, 1, '1']);
    // Cancelled and closed requests are never answered.
    expect(await Promise.all([...answers, again])).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('refuses an id in use by any running request, not only the first', async () => {
    const { session, send } = await openSession(server, 'own stream');
    void send(call('a', 'wait'));
    void send(call('b', 'wait'));
    await settle();
    expect(await send(call('b', 'quick'))).toMatchObject({ id: 'b', error: { code: -32600 } });
    expect(await send(call('a', 'quick'))).toMatchObject({ id: 'a', error: { code: -32600 } });
    session.close();
  });
});

describe('sessions of one hub', () => {
  const server = createServer({ name: 's', version: '1' }, [
    tool({
      name: 'tamper',
      run: (_args, ctx) => {
        const capabilities = ctx.session.clientCapabilities as Record<string, unknown>;
        try {
          capabilities.sampling = undefined;
        } catch {
          // Refused: what the client declared is not the handler's to change.
        }
        return 'tried';
      },
    }),
    tool({
      name: 'client',
      run: (_args, ctx) => JSON.stringify([ctx.session.clientInfo, ctx.session.clientCapabilities]),
    }),
  ]);

  it("keep each client's hello: a handler of one session cannot change what another sees", async () => {
    const hub = createSessionHub(server);
    const sessions: Session[] = [];
    const ask = async (session: Session, id: number, name: string) =>
      textOf((await session.receive(call(id, name))) as unknown as Message);
    for (const [name, capabilities] of [
      ['alpha', { sampling: {} }],
      ['alpha', { sampling: {} }],
      ['beta', { roots: { listChanged: true } }],
    ] as const) {
      const session = hub.createSession();
      await session.receive(initialize(name, capabilities));
      sessions.push(session);
    }
    const [a1, a2, b] = sessions as [Session, Session, Session];
    expect(await ask(a1, 1, 'tamper')).toBe('tried');
    expect(JSON.parse(await ask(a2, 3, 'client'))).toEqual([{ name: 'alpha', version: '1' }, { sampling: {} }]);
    expect(JSON.parse(await ask(b, 4, 'client'))).toEqual([
      { name: 'beta', version: '1' },
      { roots: { listChanged: true } },
    ]);
    expect(a2.protocolVersion).toBe('2025-06-18');
    hub.closeAll();
    expect(hub.sessions.size).toBe(0);
  });
});

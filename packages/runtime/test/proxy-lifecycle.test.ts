import { createServer, mount, tool } from '@mcpkit/core';
import { afterEach, describe, expect, test } from 'vitest';
import { changingProvider } from '../../core/test/changing-provider.js';
import { createSessionHub, type ProxyProvider, proxy, type RuntimeSessionInfo, serveHttp } from '../src/index.js';
import { createRemoteServer } from './fixtures/proxy-remote.js';
import { createCleanup } from './http-helpers.js';
import { remoteCommand, richClient, serveFront, serveWithHub, textOf } from './proxy-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const tracked = (provider: ProxyProvider) => cleanup.add(() => provider.close(), provider);

const whoami = async (client: Awaited<ReturnType<typeof richClient>>['client'], name = 'remote_whoami') =>
  JSON.parse(textOf(await client.callTool({ name, arguments: {} }))) as { pid: number; session: string };

describe('list_changed relay', () => {
  test('the hub tells every session when a mounted provider changes, and they see the new tool', async () => {
    const {
      provider: changing,
      grow,
      announce,
      listeners,
    } = changingProvider((index) => tool({ name: ['one', 'two'][index] as string, run: () => String(index + 1) }));
    const { hub } = await serveFront(cleanup, { live: changing });
    const front = await serveWithHub(
      cleanup,
      createServer({ name: 'f', version: '1' }, [mount(changing, { namespace: 'live' })]),
    );
    const a = await richClient(cleanup, front.url, 'a');
    const b = await richClient(cleanup, front.url, 'b');
    expect((await a.client.listTools()).tools.map((t) => t.name)).toEqual(['live_one']);
    const heardA = a.nextToolListChanged();
    const heardB = b.nextToolListChanged();
    grow();
    announce();
    await Promise.all([heardA, heardB]);
    expect((await a.client.listTools()).tools.map((t) => t.name)).toEqual(['live_one', 'live_two']);
    expect(textOf(await b.client.callTool({ name: 'live_two', arguments: {} }))).toBe('2');
    // the hub listens only while it has sessions: the other front (no sessions) never subscribed
    expect(hub.sessions.size).toBe(0);
    await a.end();
    await b.end();
    expect(front.hub.sessions.size).toBe(0);
    expect(listeners.size).toBe(0);
  });

  test("a remote's tools/list_changed reaches our client through the proxy, and the cache is refreshed", async () => {
    const { url } = await serveFront(cleanup, { remote: tracked(proxy(remoteCommand(), { name: 'remote' })) });
    const { client, nextToolListChanged } = await richClient(cleanup, url);
    const before = (await client.listTools()).tools.map((t) => t.name);
    expect(before).toContain('remote_base');
    expect(before).not.toContain('remote_added_1');
    const heard = nextToolListChanged();
    expect(textOf(await client.callTool({ name: 'remote_grow', arguments: {} }))).toBe('grown');
    await heard;
    const after = (await client.listTools()).tools.map((t) => t.name);
    expect(after).toContain('remote_added_1');
    expect(textOf(await client.callTool({ name: 'remote_added_1', arguments: {} }))).toBe('added');
  });
});

test('ctx.session.onClose runs a cleanup once when the session closes; unregistered ones never', async () => {
  const ran: string[] = [];
  const server = createServer({ name: 's', version: '1' }, [
    tool({
      name: 'hold',
      run: (_args, ctx) => {
        const session = ctx.session as RuntimeSessionInfo;
        session.onClose(() => ran.push('closed'));
        const stop = session.onClose(() => ran.push('unregistered'));
        stop();
        return 'held';
      },
    }),
  ]);
  const session = createSessionHub(server).createSession({ id: 'one' });
  await session.receive({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  });
  const called = await session.receive({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'hold' } });
  expect(called).toMatchObject({ result: { content: [{ type: 'text', text: 'held' }] } });
  expect(ran).toEqual([]);
  session.close();
  session.close();
  expect(ran).toEqual(['closed']);
});

describe('remote sessions', () => {
  test('each of our sessions gets its own remote session, closed when ours closes', async () => {
    const remote = await serveWithHub(cleanup, createRemoteServer());
    const provider = tracked(proxy(remote.url, { name: 'remote' }));
    const { url } = await serveFront(cleanup, { remote: provider });
    const a = await richClient(cleanup, url, 'a');
    const b = await richClient(cleanup, url, 'b');
    const [a1, b1, a2] = [await whoami(a.client), await whoami(b.client), await whoami(a.client)];
    expect(a1.session).not.toBe('none');
    expect(a1.session).not.toBe(b1.session);
    expect(a2.session).toBe(a1.session);
    expect(remote.hub.sessions.size).toBe(2);
    expect(provider.connections()).toBe(2);
    await a.end();
    // our session closed (DELETE), so its remote session is closed too
    await expect.poll(() => remote.hub.sessions.size).toBe(1);
    expect(provider.connections()).toBe(1);
    expect((await whoami(b.client)).session).toBe(b1.session);
  });

  test('stateless HTTP (sessions of one request) shares one remote connection', async () => {
    const remote = await serveWithHub(cleanup, createRemoteServer());
    const provider = tracked(proxy(remote.url, { name: 'remote' }));
    const front = createServer({ name: 'f', version: '1' }, [mount(provider, { namespace: 'remote' })]);
    const running = await serveHttp(front, { port: 0, stateless: true });
    cleanup.add(running.close);
    const { client } = await richClient(cleanup, running.url);
    const first = await whoami(client);
    const second = await whoami(client);
    expect(second.session).toBe(first.session);
    expect(provider.connections()).toBe(1);
    expect(remote.hub.sessions.size).toBe(1);
  });

  test('a remote killed mid-call gives a tool error naming it; the next call reconnects', async () => {
    const { url } = await serveFront(cleanup, { remote: tracked(proxy(remoteCommand(), { name: 'flaky' })) });
    const { client } = await richClient(cleanup, url);
    const first = await whoami(client);
    const crashed = await client.callTool({ name: 'remote_crash', arguments: {} });
    expect(crashed.isError).toBe(true);
    expect(textOf(crashed)).toMatch(/^Remote MCP server "flaky" failed: .*Connection closed/);
    const second = await whoami(client);
    expect(second.pid).not.toBe(first.pid);
    expect(textOf(await client.callTool({ name: 'remote_shout', arguments: { text: 'back' } }))).toBe('BACK');
  });

  test('a remote that is down: a JSON-RPC error for lists, a tool error result for calls', async () => {
    const down = tracked(proxy({ command: process.execPath, args: ['-e', 'process.exit(1)'] }, { name: 'down' }));
    await expect(down.listTools()).rejects.toThrow(/^Remote MCP server "down" is unavailable: /);
    const result = await down.callTool('anything', {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Remote MCP server "down" is unavailable: /);
    const { url } = await serveFront(cleanup, { down });
    const { client } = await richClient(cleanup, url);
    await expect(client.listTools()).rejects.toThrow(/Remote MCP server "down" is unavailable/);
    // nothing listening on a closed port
    const refused = tracked(proxy('http://127.0.0.1:9/mcp', { name: 'nowhere' }));
    await expect(refused.listTools()).rejects.toThrow(/^Remote MCP server "nowhere" is unavailable: /);
  });

  test('forwards _meta; remote JSON-RPC errors keep their code; close() ends the connections', async () => {
    const remote = await serveWithHub(cleanup, createRemoteServer());
    const provider = proxy(remote.url, { name: 'remote' });
    const result = await provider.callTool('shout', { text: 'hey' }, { meta: { suffix: '!' } });
    expect(textOf(result)).toBe('HEY!');
    await expect(provider.callTool('nope', {})).rejects.toMatchObject({
      code: -32602,
      message: 'Unknown tool: "nope"',
    });
    await expect(provider.readResource('nope://x')).rejects.toMatchObject({ code: -32002 });
    expect(remote.hub.sessions.size).toBe(1);
    await provider.close();
    await expect.poll(() => remote.hub.sessions.size).toBe(0);
    await expect(provider.listTools()).rejects.toThrow(/the proxy was closed/);
  });
});

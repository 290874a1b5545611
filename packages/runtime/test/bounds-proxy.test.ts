/**
 * Proxy gateways are bounded: per-session remote connections (for a stdio
 * remote, child processes) are capped by `maxConnections` and closed after
 * `idleMs`; `sessions: 'shared'` serves every session with one, relaying a
 * remote's requests only when they cannot reach the wrong client.
 */
import { createServer, tool } from '@mcpkit/core';
import * as v from 'valibot';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fromConfig, type ProxyProvider, proxy, serveHttp } from '../src/index.js';
import { createCleanup } from './http-helpers.js';
import { remoteCommand, richClient, serveFront, serveWithHub, textOf } from './proxy-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const tracked = (provider: ProxyProvider) => cleanup.add(() => provider.close(), provider);
type Rich = Awaited<ReturnType<typeof richClient>>;
const whoami = async (rich: Rich) => {
  const result = await rich.client.callTool({ name: 'remote_whoami', arguments: {} });
  return { result, text: textOf(result) };
};

describe('bounds: proxy gateways', () => {
  test('caps per-session connections to a stdio remote with maxConnections, and frees a slot when a session ends', async () => {
    const remote = tracked(proxy(remoteCommand(), { name: 'remote', maxConnections: 2 }));
    const { url } = await serveFront(cleanup, { remote });
    const a = await richClient(cleanup, url, 'a');
    const b = await richClient(cleanup, url, 'b');
    const c = await richClient(cleanup, url, 'c');
    const pidA = JSON.parse((await whoami(a)).text).pid;
    const pidB = JSON.parse((await whoami(b)).text).pid;
    expect(pidA).not.toBe(pidB);
    // c's session would need a third child: refused with a clear error, not spawned.
    await expect(whoami(c)).rejects.toThrow(/unavailable.*maxConnections/);
    expect(remote.connections()).toBe(2);
    await a.end();
    await vi.waitFor(() => expect(remote.connections()).toBe(1), { timeout: 10_000 });
    expect(JSON.parse((await whoami(c)).text).pid).not.toBe(pidA);
  });

  test('closes a connection idle for idleMs (its child exits) and reopens it on the next use', async () => {
    const remote = tracked(proxy(remoteCommand(), { name: 'remote', idleMs: 200 }));
    const { url } = await serveFront(cleanup, { remote });
    const a = await richClient(cleanup, url, 'a');
    const first = JSON.parse((await whoami(a)).text);
    expect(remote.connections()).toBe(1);
    await vi.waitFor(() => expect(remote.connections()).toBe(0), { timeout: 10_000, interval: 50 });
    const second = JSON.parse((await whoami(a)).text);
    expect(second.pid).not.toBe(first.pid);
  });

  test("sessions: 'shared' serves every session with one child process", async () => {
    const remote = tracked(proxy(remoteCommand(), { name: 'remote', sessions: 'shared', maxConnections: 1 }));
    const { url } = await serveFront(cleanup, { remote });
    const clients = await Promise.all(['a', 'b', 'c', 'd'].map((name) => richClient(cleanup, url, name)));
    const pids = new Set<number>();
    for (const rich of clients) pids.add(JSON.parse((await whoami(rich)).text).pid);
    expect(pids.size).toBe(1);
    expect(remote.connections()).toBe(1);
  });

  test('fromConfig() passes the limits to every entry', async () => {
    const { command, args, cwd } = remoteCommand();
    const server = fromConfig({ mcpServers: { remote: { command, args, cwd } } }, { maxConnections: 1 });
    const { url } = await serveWithHub(cleanup, server);
    const a = await richClient(cleanup, url, 'a');
    const b = await richClient(cleanup, url, 'b');
    expect((await whoami(a)).result.isError).toBeFalsy();
    // fromConfig lists a remote that cannot serve this session as empty, with a warning.
    expect((await b.client.listTools()).tools).toEqual([]);
    expect(b.heard.logs.map((log) => String(log.data))).toContainEqual(expect.stringMatching(/maxConnections/));
  });
});

describe("bounds: relays in sessions: 'shared'", () => {
  /** A remote over HTTP whose `hold` waits for the test and whose `ask` samples the client's model. */
  const startRemote = async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = createServer({ name: 'remote', version: '1.0.0' }, [
      tool({ name: 'hold', run: async () => held.then(() => 'released') }),
      tool({
        name: 'ask',
        input: v.object({ question: v.string() }),
        run: async ({ question }, ctx) => {
          const result = await ctx.sample({ messages: question, maxTokens: 5 });
          const content = Array.isArray(result.content) ? result.content[0] : result.content;
          return content?.type === 'text' ? content.text : '';
        },
      }),
    ]);
    const running = await serveHttp(server, { port: 0 });
    cleanup.add(running.close);
    return { url: running.url, release };
  };

  test("relays a remote's sampling request only while one call is in flight, never to another session's client", async () => {
    const remoteServer = await startRemote();
    const remote = tracked(proxy(remoteServer.url, { name: 'remote', sessions: 'shared' }));
    const { url } = await serveFront(cleanup, { remote });
    const a = await richClient(cleanup, url, 'a');
    const b = await richClient(cleanup, url, 'b');
    const holding = a.client.callTool({ name: 'remote_hold', arguments: {} });
    // Wait until a's call is in flight on the shared connection.
    await vi.waitFor(() => expect(remote.connections()).toBe(1), { timeout: 10_000 });
    const asked = await b.client.callTool({ name: 'remote_ask', arguments: { question: 'q' } });
    expect(asked.isError).toBe(true);
    expect(a.heard.sampled).toEqual([]);
    expect(b.heard.sampled).toEqual([]);
    remoteServer.release();
    expect(textOf(await holding)).toBe('released');
    // Alone in flight: unambiguous, so relayed to b's client.
    expect(textOf(await b.client.callTool({ name: 'remote_ask', arguments: { question: 'q' } }))).toBe('forty-two');
    expect(b.heard.sampled).toHaveLength(1);
    expect(a.heard.sampled).toEqual([]);
  });
});

import { createServer, everythingEnabled, resource, responseCache, tool } from '@mcpkit/core';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectHttp, createCleanup, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const info = { name: 'cached', version: '1.0.0' };
const textOf = (result: unknown): string =>
  (result as { content: { text?: string }[] }).content.map((c) => c.text ?? '').join('');

/** A server with a resource that counts its reads, and tools to hide it from (or probe) the calling session. */
const cachedServer = () => {
  let reads = 0;
  const cache = responseCache({ ttlMs: 60_000, now: () => 0 });
  const server = createServer(
    info,
    [
      resource({ uri: 'counter://reads', read: () => String(++reads) }),
      tool({
        name: 'hide',
        run: (_a, ctx) => {
          ctx.session.disable({ names: ['counter://reads'] });
          return 'hidden';
        },
      }),
      tool({ name: 'probe', run: (_a, ctx) => String(ctx.session.isEnabled === everythingEnabled) }),
    ],
    { middleware: [cache] },
  );
  return { server, cache, reads: () => reads };
};

describe('runtime sessions and responseCache()', () => {
  it('hands out everythingEnabled while a session has no rules, its own check after disable', async () => {
    const { server } = cachedServer();
    const running = await startHttp(cleanup, {}, server);
    const { client: one } = await connectHttp(cleanup, running.url);
    const { client: two } = await connectHttp(cleanup, running.url);
    expect(textOf(await one.callTool({ name: 'probe', arguments: {} }))).toBe('true');
    await one.callTool({ name: 'hide', arguments: {} });
    expect(textOf(await one.callTool({ name: 'probe', arguments: {} }))).toBe('false');
    expect(textOf(await two.callTool({ name: 'probe', arguments: {} }))).toBe('true');
  });

  it('serves resources/read from the cache over HTTP, rereads after invalidate, and never leaks to a hiding session', async () => {
    const { server, cache, reads } = cachedServer();
    const running = await startHttp(cleanup, {}, server);
    const { client: open } = await connectHttp(cleanup, running.url);
    const { client: hiding } = await connectHttp(cleanup, running.url);
    const read = async () => (await open.readResource({ uri: 'counter://reads' })).contents[0];

    expect(await read()).toMatchObject({ text: '1' });
    expect(await read()).toMatchObject({ text: '1' });
    // Sessions that hide nothing share cached answers.
    expect((await hiding.readResource({ uri: 'counter://reads' })).contents[0]).toMatchObject({ text: '1' });
    expect(reads()).toBe(1);

    await hiding.callTool({ name: 'hide', arguments: {} });
    const refused = await hiding.readResource({ uri: 'counter://reads' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(McpError);
    expect((refused as McpError).code).toBe(-32002);
    expect(reads()).toBe(1);

    cache.invalidate('resources');
    expect(await read()).toMatchObject({ text: '2' });
    expect(await read()).toMatchObject({ text: '2' });
    expect(reads()).toBe(2);
  });
});

import { createServer, type Lifespan, mount, tool } from '@mcpkit/core';
import { lifespanOf, serve } from '@mcpkit/runtime';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it } from 'vitest';

describe('lifespans of mounted servers', () => {
  it('start once, children first, with the parent; handlers read their own; they stop in reverse', async () => {
    const events: string[] = [];
    const pool: Lifespan<{ name: string }> = async () => {
      events.push('start pool');
      return { value: { name: 'pool' }, close: () => void events.push('stop pool') };
    };
    const cache: Lifespan<string> = async () => {
      events.push('start cache');
      return { value: 'cache', close: () => void events.push('stop cache') };
    };
    const child = createServer(
      { name: 'child', version: '1' },
      [tool({ name: 'which', run: (_a, ctx) => `child uses ${lifespanOf(ctx, pool).name}` })],
      { lifespan: pool },
    );
    const parent = createServer(
      { name: 'parent', version: '1' },
      [
        tool({ name: 'mine', run: (_a, ctx) => `parent uses ${lifespanOf<string>(ctx)}` }),
        mount(child, { namespace: 'a' }),
        mount(child, { namespace: 'b' }),
      ],
      { lifespan: cache },
    );

    const running = await serve(parent, { transport: 'http', port: 0 });
    expect(events).toEqual(['start pool', 'start cache']);
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(running.url as string)));
    const text = async (name: string) => ((await client.callTool({ name })).content as { text: string }[])[0]?.text;
    expect(await text('a_which')).toBe('child uses pool');
    expect(await text('b_which')).toBe('child uses pool');
    expect(await text('mine')).toBe('parent uses cache');
    await client.close();
    await running.close();
    expect(events).toEqual(['start pool', 'start cache', 'stop cache', 'stop pool']);
  });

  it('a hook that fails to start stops the ones already started', async () => {
    const events: string[] = [];
    const ok: Lifespan = async () => {
      events.push('start ok');
      return { value: 1, close: () => void events.push('stop ok') };
    };
    const child = createServer({ name: 'child', version: '1' }, [tool({ name: 't', run: () => 1 })], { lifespan: ok });
    const parent = createServer({ name: 'parent', version: '1' }, [mount(child)], {
      lifespan: async () => {
        throw new Error('database unreachable');
      },
    });
    await expect(serve(parent, { transport: 'http', port: 0 })).rejects.toThrow(
      /failed to start: database unreachable/,
    );
    expect(events).toEqual(['start ok', 'stop ok']);
  });
});

/** serve() over the HTTP transports: the lifespan and hub reach sessions created by them. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it } from 'vitest';
import { serve } from '../src/index.js';
import { createDemoServer } from './fixtures/demo-server.js';

describe.each([
  ['http', (url: URL) => new StreamableHTTPClientTransport(url)],
  ['sse', (url: URL) => new SSEClientTransport(url)],
] as const)('serve() over %s', (transport, makeClientTransport) => {
  it('starts the lifespan once for all sessions, serves it to handlers, and stops it on close', async () => {
    const events: string[] = [];
    const handle = await serve(createDemoServer(), {
      transport,
      port: 0,
      lifespan: () => {
        events.push('start');
        return { value: { pool: 'shared' }, close: () => void events.push('stop') };
      },
    });
    const clients: Client[] = [];
    try {
      expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(handle.url).toContain(`:${handle.port}/`);
      for (let i = 0; i < 2; i++) {
        const client = new Client({ name: `c${i}`, version: '1' });
        await client.connect(makeClientTransport(new URL(handle.url as string)));
        clients.push(client);
        const result = await client.callTool({ name: 'lifespan_info' });
        expect(result.structuredContent).toEqual({ pool: 'shared' });
      }
      expect(handle.hub.sessions.size).toBe(2);
      expect(events).toEqual(['start']);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await handle.close();
    }
    expect(events).toEqual(['start', 'stop']);
    expect(handle.hub.sessions.size).toBe(0);
  });
});

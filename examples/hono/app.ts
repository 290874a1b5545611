// An MCP endpoint inside a Hono app: `toFetchHandler` answers the `/mcp` route,
// Hono keeps every other route and its middleware. Runs wherever Hono runs
// (Node through @hono/node-server here, Bun, Deno, Workers).
import { createServer, resource, tool } from '@mcpkit/core';
import { toFetchHandler } from '@mcpkit/runtime';
import { Hono } from 'hono';
import * as v from 'valibot';

/** The MCP server the app exposes: one tool that reports progress, one resource. */
export const server = createServer({ name: 'hono-example', version: '1.0.0' }, [
  tool({
    name: 'count',
    description: 'Counts up to n, reporting progress on the way',
    input: v.object({ n: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)) }),
    run: async ({ n }, ctx) => {
      for (let i = 1; i <= n; i += 1) await ctx.progress(i, n);
      return `counted to ${n}`;
    },
  }),
  resource({ uri: 'app://about', read: () => ({ framework: 'hono' }) }),
]);

/**
 * A Hono app serving `server` at `/mcp` beside its own routes. `close()` ends
 * the MCP sessions the handler holds (call it on shutdown).
 */
export const createApp = () => {
  const mcp = toFetchHandler(server);
  const app = new Hono();
  // Hono middleware runs for the MCP route too.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('x-served-by', 'hono');
  });
  app.get('/health', (c) => c.json({ ok: true }));
  app.all('/mcp', (c) => mcp(c.req.raw));
  return { app, close: mcp.close };
};

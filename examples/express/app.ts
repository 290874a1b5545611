// An MCP endpoint inside an Express app: `toNodeHandler` is mounted after
// express.json() (it uses the body Express already parsed) and under a prefix
// (`/api`, so the endpoint is `/api/mcp`); Express keeps its other routes.
import { createServer, resource, tool } from '@mcpkit/core';
import { toNodeHandler } from '@mcpkit/runtime';
import express, { type Express } from 'express';
import * as v from 'valibot';

/** The MCP server the app exposes: one tool that reports progress, one resource. */
export const server = createServer({ name: 'express-example', version: '1.0.0' }, [
  tool({
    name: 'count',
    description: 'Counts up to n, reporting progress on the way',
    input: v.object({ n: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)) }),
    run: async ({ n }, ctx) => {
      for (let i = 1; i <= n; i += 1) await ctx.progress(i, n);
      return `counted to ${n}`;
    },
  }),
  resource({ uri: 'app://about', read: () => ({ framework: 'express' }) }),
]);

/**
 * An Express app serving `server` at `/api/mcp` beside its own routes.
 * `close()` ends the MCP sessions the handler holds (call it on shutdown).
 */
export const createApp = (): { app: Express; close: () => void } => {
  const mcp = toNodeHandler(server);
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api', mcp);
  return { app, close: mcp.close };
};

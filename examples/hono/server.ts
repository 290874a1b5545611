// `npm start`: the Hono app on Node, http://127.0.0.1:3000/mcp.
import { serve } from '@hono/node-server';
import { createApp } from './app.js';

const { app, close } = createApp();
const port = Number(process.env.PORT ?? 3000);
const running = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) =>
  console.log(`MCP on http://127.0.0.1:${info.port}/mcp`),
);
process.once('SIGINT', () => {
  close();
  running.close();
});

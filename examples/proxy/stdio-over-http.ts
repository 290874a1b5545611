/**
 * Exposes a stdio server over Streamable HTTP: each HTTP session gets its own
 * child process (its own remote session), closed when the session ends.
 *
 *   pnpm --filter @mcpkit/example-proxy start   # http://127.0.0.1:3000/mcp
 */
import { closeProxies, serve } from '@mcpkit/runtime';
import { createGateway } from './gateway.js';

const { server } = createGateway();
const running = await serve(server, { transport: 'http', port: Number(process.env.PORT ?? 3000) });
console.error(`gateway to server-everything at ${running.url}`);
await running.closed;
await closeProxies(server);

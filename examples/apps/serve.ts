// Serves the counter app over Streamable HTTP: `pnpm start`, then point an MCP Apps host at the printed URL.
import { serveHttp } from '@mcpkit/runtime';
import server from './server.js';

const running = await serveHttp(server, { port: Number(process.env.PORT ?? 3000) });
console.log(`listening ${running.url}`);

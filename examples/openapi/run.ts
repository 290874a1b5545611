/**
 * Starts the todo API on a free port and serves the OpenAPI-backed MCP
 * server over Streamable HTTP on http://127.0.0.1:3000/mcp (PORT to change).
 */
import { serveHttp } from '@mcpkit/runtime';
import { createTodoServer } from './server.js';
import { startTodoApi } from './todo-api.js';

const api = await startTodoApi();
const running = await serveHttp(await createTodoServer(api.url), { port: Number(process.env.PORT ?? 3000) });
console.error(`todo API on ${api.url}; MCP server on ${running.url}`);

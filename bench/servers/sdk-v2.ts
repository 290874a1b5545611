/**
 * The official SDK v2 (`@modelcontextprotocol/server` 2.4), used as its docs
 * show: a factory building an `McpServer` with `registerTool` and a zod schema,
 * served by `createMcpHandler` (2026-07-28 requests, plus its stateless
 * fallback for 2025 ones) and mounted on bare `node:http` with `toNodeHandler`
 * from `@modelcontextprotocol/node`. HTTP only: the bench asks it for nothing else.
 */
import { createServer } from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { fillerNames, type ServerArgs } from './args.js';

/** A `McpServer` with `add` and `tools - 1` filler tools of the same shape. */
export const build = (tools = 1): McpServer => {
  const server = new McpServer({ name: 'bench-sdk-v2', version: '1.0.0' });
  for (const name of ['add', ...fillerNames(tools)]) {
    server.registerTool(
      name,
      { description: `Add two numbers (${name})`, inputSchema: z.object({ a: z.number(), b: z.number() }) },
      async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
    );
  }
  return server;
};

/** Starts the SDK v2 handler over HTTP; resolves to the endpoint URL. */
export const start = async (args: ServerArgs): Promise<string | undefined> => {
  if (args.transport !== 'http') throw new Error('the SDK v2 bench server serves HTTP only');
  // The factory runs once per request: that is how createMcpHandler serves.
  const handler = createMcpHandler(() => build(args.tools), { responseMode: args.json ? 'json' : 'auto' });
  const http = createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => http.listen(args.port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${args.port}/mcp`;
};

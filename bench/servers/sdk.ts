/**
 * The official SDK, used as its docs show: `McpServer` + `registerTool` with
 * zod shapes; Streamable HTTP with one transport (and one `McpServer`) per
 * session, or a fresh pair per request when stateless; `StdioServerTransport`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { fillerNames, type ServerArgs } from './args.js';

/** A `McpServer` with `add` and `tools - 1` filler tools of the same shape. */
export const build = (tools = 1): McpServer => {
  const server = new McpServer({ name: 'bench-sdk', version: '1.0.0' });
  for (const name of ['add', ...fillerNames(tools)]) {
    server.registerTool(
      name,
      { description: `Add two numbers (${name})`, inputSchema: { a: z.number(), b: z.number() } },
      async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
    );
  }
  return server;
};

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : JSON.parse(Buffer.concat(chunks).toString());
};

/** Starts the SDK server; resolves to the endpoint URL (HTTP) or undefined (stdio). */
export const start = async (args: ServerArgs): Promise<string | undefined> => {
  if (args.transport === 'stdio') {
    await build(args.tools).connect(new StdioServerTransport());
    return undefined;
  }
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const http = createServer(async (req, res) => {
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    if (args.stateless) {
      const server = build(args.tools);
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: args.json,
      });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      return transport.handleRequest(req, res, body);
    }
    const id = req.headers['mcp-session-id'];
    const known = typeof id === 'string' ? sessions.get(id) : undefined;
    if (known) return known.handleRequest(req, res, body);
    if (id !== undefined || !isInitializeRequest(body)) {
      return void res.writeHead(400).end('{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"No session"}}');
    }
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: args.json,
      onsessioninitialized: (sessionId) => void sessions.set(sessionId, transport),
    });
    transport.onclose = () => void (transport.sessionId && sessions.delete(transport.sessionId));
    await build(args.tools).connect(transport);
    return transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(args.port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${args.port}/mcp`;
};

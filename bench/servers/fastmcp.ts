/**
 * fastmcp from npm: `FastMCP` + `addTool` with a zod schema, started with its
 * own `httpStream` (stateful or stateless) or `stdio` transport. Its keep-alive
 * pings are off: they are idle traffic, not work the benchmark asks for.
 */
import { FastMCP } from 'fastmcp';
import { z } from 'zod';
import { fillerNames, type ServerArgs } from './args.js';

/** A `FastMCP` server with `add` and `tools - 1` filler tools. */
export const build = (tools = 1): FastMCP => {
  const server = new FastMCP({ name: 'bench-fastmcp', version: '1.0.0', ping: { enabled: false } });
  for (const name of ['add', ...fillerNames(tools)]) {
    server.addTool({
      name,
      description: `Add two numbers (${name})`,
      parameters: z.object({ a: z.number(), b: z.number() }),
      execute: async ({ a, b }) => String(a + b),
    });
  }
  return server;
};

/** Starts the fastmcp server; resolves to the endpoint URL (HTTP) or undefined (stdio). */
export const start = async (args: ServerArgs): Promise<string | undefined> => {
  const server = build(args.tools);
  if (args.transport === 'stdio') {
    await server.start({ transportType: 'stdio' });
    return undefined;
  }
  await server.start({
    transportType: 'httpStream',
    httpStream: { port: args.port, host: '127.0.0.1', stateless: args.stateless, enableJsonResponse: args.json },
  });
  return `http://127.0.0.1:${args.port}/mcp`;
};

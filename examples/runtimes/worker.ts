// The fetch handler as a Cloudflare Worker (module syntax), run by workerd:
// check.mjs bundles this file with esbuild and serves it with workerd.capnp.
import { createServer, tool } from '@mcpkit/core';
import { toFetchHandler } from '@mcpkit/runtime';
import * as v from 'valibot';

const server = createServer({ name: 'fetch-workerd', version: '1.0.0' }, [
  tool({ name: 'add', input: v.object({ a: v.number(), b: v.number() }), run: ({ a, b }) => `${a + b} on workerd` }),
]);
const handler = toFetchHandler(server);

/** The worker: every request goes to the MCP handler (sessions live in this isolate). */
export default { fetch: (request: Request): Promise<Response> => handler(request) };

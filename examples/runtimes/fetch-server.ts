// The same server on whichever runtime runs this file: Bun.serve or Deno.serve
// (Node has its own adapters). Prints `listening <url>` once bound to port 0.
import { createServer, tool } from '@mcpkit/core';
import { toFetchHandler } from '@mcpkit/runtime';
import * as v from 'valibot';

const runtime = 'Bun' in globalThis ? 'bun' : 'Deno' in globalThis ? 'deno' : 'other';
const server = createServer({ name: `fetch-${runtime}`, version: '1.0.0' }, [
  tool({ name: 'add', input: v.object({ a: v.number(), b: v.number() }), run: ({ a, b }) => `${a + b} on ${runtime}` }),
]);
const handler = toFetchHandler(server);
const g = globalThis as unknown as {
  Bun?: { serve: (o: object) => { port: number } };
  Deno?: { serve: (o: object, h: (r: Request) => Promise<Response>) => unknown };
};
if (g.Bun) {
  const bound = g.Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: handler });
  console.log(`listening http://127.0.0.1:${bound.port}/mcp`);
} else if (g.Deno) {
  g.Deno.serve(
    {
      port: 0,
      hostname: '127.0.0.1',
      onListen: ({ port }: { port: number }) => console.log(`listening http://127.0.0.1:${port}/mcp`),
    },
    handler,
  );
} else {
  throw new Error('run me with bun or deno');
}

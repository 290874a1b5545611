/**
 * The ceiling: JSON-RPC over bare node:http and stdio, no MCP at all. It parses
 * each request and answers `tools/call` with the sum and `tools/list` with a
 * list serialized once, so the load generator's limit shows in the table.
 */
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { fillerNames, type ServerArgs } from './args.js';

interface Request {
  readonly id?: string | number;
  readonly method: string;
  readonly params?: { arguments?: { a?: number; b?: number } };
}

const toolList = (total: number) => ({
  tools: ['add', ...fillerNames(total)].map((name) => ({
    name,
    description: `Add two numbers (${name})`,
    inputSchema: {
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    },
  })),
});

const answerer = (tools: number) => {
  // Serialized once, like a cache a hand-written server would keep.
  const listed = JSON.stringify(toolList(tools));
  return (request: Request): string | undefined => {
    if (request.id === undefined) return undefined;
    const head = `{"jsonrpc":"2.0","id":${JSON.stringify(request.id)},"result":`;
    if (request.method === 'tools/list') return `${head}${listed}}`;
    const { a = 0, b = 0 } = request.params?.arguments ?? {};
    const result = request.method === 'tools/call' ? { content: [{ type: 'text', text: String(a + b) }] } : {};
    return `${head}${JSON.stringify(result)}}`;
  };
};

/** Raw server: no MCP, one JSON parse and one stringify per request, replies batched per event-loop turn. */
export const start = async (args: ServerArgs): Promise<string | undefined> => {
  const answer = answerer(args.tools);
  if (args.transport === 'stdio') {
    createInterface({ input: process.stdin }).on('line', (line) => {
      const out = answer(JSON.parse(line) as Request);
      if (out) process.stdout.write(`${out}\n`);
    });
    return undefined;
  }
  // Replies are written together once the turn's ready requests are answered, as mcpkit's Node listener does:
  // the ceiling would not be one if the best-known way of writing replies were left out of it.
  let held: (() => void)[] = [];
  const writeHeld = () => {
    const writing = held;
    held = [];
    for (const write of writing) write();
  };
  const reply = (write: () => void) => {
    held.push(write);
    if (held.length === 1) setImmediate(writeHeld);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const out = answer(JSON.parse(Buffer.concat(chunks).toString()) as Request);
      if (!out) return reply(() => res.writeHead(202).end());
      if (args.json) return reply(() => res.writeHead(200, { 'content-type': 'application/json' }).end(out));
      reply(() => res.writeHead(200, { 'content-type': 'text/event-stream' }).end(`event: message\ndata: ${out}\n\n`));
    });
  });
  await new Promise<void>((resolve) => server.listen(args.port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${args.port}/mcp`;
};

/** The raw anchor registers nothing, so construction costs nothing. */
export const build = (): void => {};

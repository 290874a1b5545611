import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { closeProxies, fromConfig } from '@mcpkit/runtime';
import { afterEach, expect, test } from 'vitest';
import { createGateway } from './gateway.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

test('the gateway serves the stdio server under the everything namespace', async () => {
  // The installed package, run with node (the example itself uses npx).
  const entry = fileURLToPath(import.meta.resolve('@modelcontextprotocol/server-everything/dist/index.js'));
  const { server, remote } = createGateway({ command: process.execPath, args: [entry, 'stdio'] });
  closers.push(remote.close);
  const tools = (await server.listTools()).map((t) => t.name);
  expect(tools).toContain('everything_echo');
  const result = await server.callTool('everything_echo', { message: 'through the gateway' });
  expect(result.content).toEqual([{ type: 'text', text: 'Echo: through the gateway' }]);
});

test('mcp.json mounts its two servers under their names', async () => {
  const server = fromConfig(readFileSync(new URL('./mcp.json', import.meta.url), 'utf8'));
  closers.push(() => closeProxies(server));
  expect(server.components.map((c) => (c.kind === 'mount' ? c.layers[0]?.namespace : undefined))).toEqual([
    'quickstart',
    'everything',
  ]);
});

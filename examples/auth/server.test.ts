import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, test } from 'vitest';
import { authSettings, start } from './server.js';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => {});
});

const connect = async (url: string, key: string): Promise<Client> => {
  const client = new Client({ name: 'example-auth-test', version: '1.0.0' });
  closers.push(() => client.close());
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }),
  );
  return client;
};

const names = async (client: Client) => (await client.listTools()).tools.map((t) => t.name).sort();

describe('examples/auth', () => {
  test('each demo key sees its own tools and its own notes', async () => {
    const running = await start({ MCP_AUTH: 'bearer' }, 0);
    closers.push(running.close);
    const url = running.url as string;
    const alice = await connect(url, 'alice-key');
    const bob = await connect(url, 'bob-key');
    const admin = await connect(url, 'admin-key');
    expect(await names(alice)).toEqual(['add_note', 'list_notes', 'whoami']);
    expect(await names(bob)).toEqual(['list_notes', 'whoami']);
    expect(await names(admin)).toEqual(['all_notes', 'list_notes', 'whoami']);

    await alice.callTool({ name: 'add_note', arguments: { text: 'buy milk' } });
    expect(JSON.stringify((await alice.callTool({ name: 'list_notes', arguments: {} })).content)).toContain('buy milk');
    expect(JSON.stringify((await bob.callTool({ name: 'list_notes', arguments: {} })).content)).not.toContain(
      'buy milk',
    );
    expect(JSON.stringify((await admin.callTool({ name: 'all_notes', arguments: {} })).content)).toContain('buy milk');

    const anonymous = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
  });

  test('jwt mode says which setting is missing', () => {
    expect(() => authSettings({ MCP_AUTH: 'jwt' })).toThrow(/ISSUER/);
    expect(() => authSettings({ MCP_AUTH: 'jwt', ISSUER: 'https://idp.example.com/' })).toThrow(/JWKS_URL/);
    const settings = authSettings({
      MCP_AUTH: 'jwt',
      ISSUER: 'https://idp.example.com/',
      JWKS_URL: 'https://idp.example.com/jwks',
      RESOURCE_URL: 'https://mcp.example.com/mcp',
    });
    expect(settings).toMatchObject({
      resourceUrl: 'https://mcp.example.com/mcp',
      authorizationServers: ['https://idp.example.com/'],
    });
  });
});

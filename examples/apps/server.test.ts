/**
 * The MCP Apps round trip on the wire, as the extension specifies it: an SDK
 * client declaring `io.modelcontextprotocol/ui` over Streamable HTTP sees the
 * server advertise the extension, the tools' `_meta.ui` links, the view's
 * HTML with its metadata, and the results the view renders.
 */
import { APP_MIME_TYPE, APPS_EXTENSION, createServer, tool } from '@mcpkit/core';
import { type RunningServer, serveHttp } from '@mcpkit/runtime';
import { Client as ClientV2, StreamableHTTPClientTransport as HttpV2 } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import server, { counterView, increment, showCounter } from './server.js';

let running: RunningServer;
const clients: { close: () => Promise<void> }[] = [];
beforeAll(async () => {
  running = await serveHttp(server, { port: 0 });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await running.close();
});

const connect = async (declaresApps: boolean): Promise<Client> => {
  const capabilities = declaresApps ? { extensions: { [APPS_EXTENSION]: { mimeTypes: [APP_MIME_TYPE] } } } : {};
  const client = new Client({ name: declaresApps ? 'apps-host' : 'text-host', version: '1.0.0' }, { capabilities });
  clients.push(client);
  await client.connect(new StreamableHTTPClientTransport(new URL(running.url as string)));
  return client;
};

describe('the counter app over Streamable HTTP', () => {
  test('the server advertises the extension at initialize, with no extensions option (its components use it)', async () => {
    expect(server.options.extensions).toBeUndefined();
    const client = await connect(true);
    expect(client.getServerCapabilities()?.extensions).toEqual({
      'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] },
    });
  });

  test('tools/list links the tools to the view, with their visibility', async () => {
    const client = await connect(true);
    const { tools } = await client.listTools();
    const byName = Object.fromEntries(tools.map((t) => [t.name, t._meta]));
    expect(byName.show_counter).toEqual({
      ui: { resourceUri: 'ui://counter/view' },
      'ui/resourceUri': 'ui://counter/view',
    });
    expect(byName.increment).toEqual({
      ui: { resourceUri: 'ui://counter/view', visibility: ['app'] },
      'ui/resourceUri': 'ui://counter/view',
    });
  });

  test('the linked view is listed and read as text/html;profile=mcp-app with its _meta.ui', async () => {
    const client = await connect(true);
    const { tools } = await client.listTools();
    const uri = (tools[0]?._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri ?? '';
    expect(uri).toBe('ui://counter/view');
    const { resources } = await client.listResources();
    expect(resources).toContainEqual(
      expect.objectContaining({ uri, mimeType: 'text/html;profile=mcp-app', _meta: { ui: { prefersBorder: true } } }),
    );
    const { contents } = await client.readResource({ uri });
    expect(contents).toHaveLength(1);
    expect(contents[0]).toMatchObject({
      uri,
      mimeType: 'text/html;profile=mcp-app',
      _meta: { ui: { prefersBorder: true } },
    });
    const html = (contents[0] as { text: string }).text;
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("'ui/initialize'");
  });

  test('the tool gives the view structured content and the model text; the app-only tool updates it', async () => {
    const client = await connect(true);
    expect(await client.callTool({ name: 'show_counter', arguments: {} })).toEqual({
      content: [{ type: 'text', text: 'The counter is at 0; the user sees it in an interactive view.' }],
      structuredContent: { count: 0 },
    });
    expect(await client.callTool({ name: 'increment', arguments: { by: 2 } })).toMatchObject({
      structuredContent: { count: 2 },
    });
    expect(await client.callTool({ name: 'show_counter', arguments: {} })).toMatchObject({
      structuredContent: { count: 2 },
    });
    const bad = await client.callTool({ name: 'increment', arguments: { by: 1000 } });
    expect(bad.isError).toBe(true);
    expect((bad.content as { text: string }[])[0]?.text).toMatch(/by: /);
  });

  test('a client that does not declare the extension gets plain text', async () => {
    const client = await connect(false);
    expect(await client.callTool({ name: 'show_counter', arguments: {} })).toEqual({
      content: [{ type: 'text', text: 'The counter is at 0.' }],
    });
  });
});

describe('the counter app on 2026-07-28 (SDK v2 client)', () => {
  const connectV2 = async (declaresApps: boolean) => {
    const client = new ClientV2(
      { name: 'apps-host-v2', version: '1.0.0' },
      {
        versionNegotiation: { mode: { pin: '2026-07-28' } },
        ...(declaresApps ? { capabilities: { extensions: { [APPS_EXTENSION]: { mimeTypes: [APP_MIME_TYPE] } } } } : {}),
      },
    );
    clients.push(client);
    await client.connect(new HttpV2(new URL(running.url as string)));
    return client;
  };

  test('the extension is discovered, and each request’s own capabilities decide between view and text', async () => {
    const host = await connectV2(true);
    expect(host.getServerCapabilities()?.extensions).toEqual({
      'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] },
    });
    const { tools } = await host.listTools();
    expect(tools.find((t) => t.name === 'increment')?._meta).toMatchObject({
      ui: { resourceUri: 'ui://counter/view', visibility: ['app'] },
    });
    expect(await host.callTool({ name: 'show_counter', arguments: {} })).toMatchObject({
      structuredContent: { count: 0 },
    });
    const plain = await connectV2(false);
    expect(await plain.callTool({ name: 'show_counter', arguments: {} })).toMatchObject({
      content: [{ type: 'text', text: 'The counter is at 0.' }],
    });
  });
});

describe('the advertisement follows the components, and the author’s own settings win', () => {
  const advertised = async (served: typeof server) => {
    const run = await serveHttp(served, { port: 0 });
    const client = new Client({ name: 'apps-host', version: '1.0.0' }, { capabilities: {} });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(run.url as string)));
      return client.getServerCapabilities()?.extensions;
    } finally {
      await client.close();
      await run.close();
    }
  };
  const info = { name: 'apps-variants', version: '1.0.0' };

  test('a tool with a ui option alone advertises it; other extensions are kept beside it', async () => {
    expect(
      await advertised(createServer(info, [increment], { extensions: { 'com.example/x': { on: true } } })),
    ).toEqual({
      'com.example/x': { on: true },
      [APPS_EXTENSION]: { mimeTypes: [APP_MIME_TYPE] },
    });
  });

  test('a view alone advertises it', async () => {
    expect(await advertised(createServer(info, [counterView]))).toEqual({
      [APPS_EXTENSION]: { mimeTypes: [APP_MIME_TYPE] },
    });
  });

  test('settings the author set for the key are sent as given', async () => {
    const own = { mimeTypes: [APP_MIME_TYPE], 'com.example/note': 'mine' };
    expect(
      await advertised(createServer(info, [counterView, showCounter], { extensions: { [APPS_EXTENSION]: own } })),
    ).toEqual({ [APPS_EXTENSION]: own });
  });

  test('a server with no views and no linked tools advertises no extensions', async () => {
    expect(await advertised(createServer(info, [tool({ name: 'plain', run: () => 'hi' })]))).toBeUndefined();
  });
});

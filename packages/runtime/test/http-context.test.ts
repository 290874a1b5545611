/**
 * `ctx.http` over real HTTP: a tenant keyed by `X-Tenant`, on Streamable HTTP
 * (stateful, stateless, 2026-07-28) and legacy SSE, with credentials and proxy
 * headers left out unless exposed; and proxies that never forward a client's
 * `Authorization` to a remote.
 */
import { createServer as createNodeServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, mount, type Server, tool } from '@mcpkit/core';
import { Client as ClientV2, StreamableHTTPClientTransport as HttpV2 } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy, type ServeHttpOptions, toNodeHandler } from '../src/index.js';
import { createCleanup, startHttp, startSse } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

/** What a client sends besides the MCP headers: a tenant, credentials, and what a proxy would add. */
const SENT = {
  'X-Tenant': 'acme',
  Authorization: 'Bearer client-secret',
  Cookie: 'sid=abc',
  'Proxy-Authorization': 'Basic cHJveHk=',
  'X-Forwarded-For': '203.0.113.7',
  Forwarded: 'for=203.0.113.7',
};

/** A multi-tenant server: each tenant its own data, chosen by a header. */
const tenantServer = (): Server =>
  createServer({ name: 'tenants', version: '1.0.0' }, [
    tool({
      name: 'whoami',
      run: (_args, ctx) => {
        const http = ctx.http;
        return { tenant: http?.headers['x-tenant'] ?? null, http: http ? JSON.parse(JSON.stringify(http)) : null };
      },
    }),
  ]);

interface Seen {
  readonly tenant: string | null;
  readonly http: { method: string; url: string; headers: Record<string, string> } | null;
}

const whoami = async (client: Pick<Client, 'callTool'>): Promise<Seen> => {
  const result = (await client.callTool({ name: 'whoami', arguments: {} })) as {
    structuredContent?: unknown;
    content: { text: string }[];
  };
  return (result.structuredContent as Seen) ?? JSON.parse(result.content[0]?.text ?? 'null');
};

const expectFiltered = (seen: Seen) => {
  expect(seen.tenant).toBe('acme');
  expect(seen.http?.method).toBe('POST');
  for (const hidden of ['authorization', 'cookie', 'proxy-authorization', 'x-forwarded-for', 'forwarded']) {
    expect(seen.http?.headers).not.toHaveProperty(hidden);
  }
  expect(seen.http?.headers['content-type']).toMatch(/application\/json/);
};

const connectV1 = async (options: ServeHttpOptions = {}) => {
  const running = await startHttp(cleanup, options, tenantServer());
  const client = new Client({ name: 'tenant-client', version: '1.0.0' });
  cleanup.add(() => client.close());
  await client.connect(new StreamableHTTPClientTransport(new URL(running.url), { requestInit: { headers: SENT } }));
  return { client, url: running.url };
};

describe('ctx.http over Streamable HTTP', () => {
  it.each([
    ['stateful', {}],
    ['stateless', { stateless: true }],
    ['json', { json: true }],
  ] as const)('carries the tenant header, without credentials or proxy headers (%s)', async (_mode, options) => {
    const { client, url } = await connectV1(options);
    const seen = await whoami(client);
    expectFiltered(seen);
    expect(seen.http?.url).toBe(url);
  });

  it('shows hidden headers the server exposes by name, in any case', async () => {
    const { client } = await connectV1({ contextHeaders: ['Authorization', 'x-forwarded-for'] });
    const seen = await whoami(client);
    expect(seen.http?.headers.authorization).toBe('Bearer client-secret');
    expect(seen.http?.headers['x-forwarded-for']).toBe('203.0.113.7');
    expect(seen.http?.headers).not.toHaveProperty('cookie');
  });

  it('keeps tenants apart: each request sees its own headers', async () => {
    const running = await startHttp(cleanup, {}, tenantServer());
    const seen = await Promise.all(
      ['acme', 'globex', 'initech'].map(async (tenant) => {
        const client = new Client({ name: tenant, version: '1.0.0' });
        cleanup.add(() => client.close());
        await client.connect(
          new StreamableHTTPClientTransport(new URL(running.url), { requestInit: { headers: { 'X-Tenant': tenant } } }),
        );
        return (await whoami(client)).tenant;
      }),
    );
    expect(seen).toEqual(['acme', 'globex', 'initech']);
  });

  it('carries it on 2026-07-28 requests (SDK v2 client)', async () => {
    const running = await startHttp(cleanup, {}, tenantServer());
    const client = new ClientV2(
      { name: 'v2', version: '1.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    cleanup.add(() => client.close());
    await client.connect(new HttpV2(new URL(running.url), { requestInit: { headers: SENT } }));
    expectFiltered(await whoami(client as unknown as Client));
  });
});

describe('ctx.http elsewhere', () => {
  it('carries the POST that delivered the message on legacy SSE', async () => {
    const running = await startSse(cleanup, {}, tenantServer());
    const client = new Client({ name: 'sse', version: '1.0.0' });
    cleanup.add(() => client.close());
    await client.connect(new SSEClientTransport(new URL(running.url), { requestInit: { headers: SENT } }));
    const seen = await whoami(client);
    expectFiltered(seen);
    expect(seen.http?.url).toMatch(/\/messages\?sessionId=/);
  });

  it('is absent on direct calls (as on stdio, which has no HTTP request)', async () => {
    const result = await tenantServer().callTool('whoami', {});
    expect(result.structuredContent).toEqual({ tenant: null, http: null });
  });
});

describe('proxies and the client Authorization header', () => {
  it('never forward it to the remote, even when the front server exposes it to handlers', async () => {
    const recorded: IncomingHttpHeaders[] = [];
    const remoteHandler = toNodeHandler(tenantServer());
    const remote = createNodeServer((req, res) => {
      recorded.push(req.headers);
      void remoteHandler(req, res);
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    cleanup.add(() => new Promise((resolve) => remote.close(resolve)));
    cleanup.add(() => remoteHandler.close());
    const remoteUrl = `http://127.0.0.1:${(remote.address() as AddressInfo).port}/mcp`;
    const remoteProxy = proxy({ url: remoteUrl, headers: { 'X-Service': 'front' } });
    const front = createServer({ name: 'front', version: '1.0.0' }, [mount(remoteProxy, { namespace: 'remote' })]);
    const running = await startHttp(cleanup, { contextHeaders: ['authorization'] }, front);
    cleanup.add(() => remoteProxy.close());
    const client = new Client({ name: 'front-client', version: '1.0.0' });
    cleanup.add(() => client.close());
    await client.connect(new StreamableHTTPClientTransport(new URL(running.url), { requestInit: { headers: SENT } }));
    const seen = await whoami({ callTool: (p) => client.callTool({ ...p, name: `remote_${p.name}` }) });
    expect(recorded.length).toBeGreaterThan(0);
    for (const headers of recorded) {
      expect(headers.authorization).toBeUndefined();
      expect(headers.cookie).toBeUndefined();
      expect(headers['x-tenant']).toBeUndefined();
      expect(headers['x-service']).toBe('front');
    }
    // The remote saw the proxy's own request, not the client's.
    expect(seen.tenant).toBeNull();
  });
});

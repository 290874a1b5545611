/**
 * Authentication on the other entry points: bearer() with your own verifier,
 * legacy SSE (stream and POSTs), stateless HTTP, toFetchHandler without a
 * network, serve(), middleware seeing ctx.auth, and the claim mapping.
 */
import { type AuthInfo, createServer, type Middleware, tool } from '@mcpkit/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { afterEach, describe, expect, it } from 'vitest';
import { authInfoFromClaims, bearer, jwt, serve, toFetchHandler } from '../src/index.js';
import {
  authHeaders,
  connectWithToken,
  createAuthServer,
  createKeys,
  ISSUER,
  mintToken,
  readAnswer,
  serveJwks,
  textOf,
  toolNames,
} from './auth-helpers.js';
import { createCleanup, initializeMessage, post, postHeaders, startHttp, startSse } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const user = (subject: string | undefined, scopes: string[] = [], extra: Partial<AuthInfo> = {}): AuthInfo => ({
  subject,
  scopes,
  claims: {},
  ...extra,
});

/** API keys for bearer(): alice may write notes, bob may not. */
const API_KEYS = new Map<string, AuthInfo>([
  ['key-alice', user('alice', ['notes:write'])],
  ['key-bob', user('bob')],
  ['key-expired', user('carol', [], { expiresAt: Math.floor(Date.now() / 1000) - 10 })],
]);

const verifyKey = (token: string) => {
  if (token === 'key-throws') throw new Error('backend down');
  return API_KEYS.get(token);
};

const connectSse = async (url: string, token: string): Promise<Client> => {
  const client = new Client({ name: 'sse-auth', version: '1.0.0' });
  cleanup.add(() => client.close());
  await client.connect(
    new SSEClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
  );
  return client;
};

describe('bearer()', () => {
  it('serves the tokens its verifier accepts and hands it the request', async () => {
    const seen: string[] = [];
    const running = await startHttp(
      cleanup,
      {
        auth: bearer({
          verify: (token, request) => {
            seen.push(new URL(request.url).pathname);
            return verifyKey(token);
          },
        }),
      },
      createAuthServer(),
    );
    const alice = await connectWithToken(cleanup, running.url, () => 'key-alice');
    expect(await toolNames(alice)).toEqual(['alice_diary', 'whoami', 'write_note']);
    const bob = await connectWithToken(cleanup, running.url, () => 'key-bob');
    expect(await toolNames(bob)).toEqual(['whoami']);
    expect(JSON.parse(textOf(await bob.callTool({ name: 'whoami', arguments: {} }))).subject).toBe('bob');
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['/mcp']));
  });

  it.each([
    ['an unknown key', 'key-nobody'],
    ['a verifier that throws', 'key-throws'],
    ['an AuthInfo past expiresAt', 'key-expired'],
  ])('answers 401 invalid_token for %s', async (_name, key) => {
    const running = await startHttp(cleanup, { auth: bearer({ verify: verifyKey }) }, createAuthServer());
    const response = await post(running.url, initializeMessage(), { authorization: `Bearer ${key}` });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token", resource_metadata="http:/);
  });

  it('checks requiredScopes', async () => {
    const running = await startHttp(
      cleanup,
      { auth: bearer({ verify: verifyKey, requiredScopes: ['notes:write'] }) },
      createAuthServer(),
    );
    const bob = await post(running.url, initializeMessage(), { authorization: 'Bearer key-bob' });
    expect(bob.status).toBe(403);
    expect(bob.headers.get('www-authenticate')).toContain('error="insufficient_scope", scope="notes:write"');
    const alice = await post(running.url, initializeMessage(), { authorization: 'Bearer key-alice' });
    expect(alice.status).toBe(200);
    await alice.body?.cancel();
  });

  it('fills in scopes and claims a loose verifier leaves out', async () => {
    const loose = bearer({ verify: () => ({ subject: 'eve' }) as unknown as AuthInfo });
    const running = await startHttp(cleanup, { auth: loose }, createAuthServer());
    const client = await connectWithToken(cleanup, running.url, () => 'anything');
    expect(await toolNames(client)).toEqual(['whoami']);
    expect(JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} })))).toMatchObject({
      subject: 'eve',
      scopes: [],
    });
  });

  it('needs a verify function', () => {
    expect(() => bearer({} as never)).toThrow(/verify/);
  });
});

describe('legacy SSE with auth', () => {
  it('serves an SSEClientTransport that sends a token, per user', async () => {
    const running = await startSse(cleanup, { auth: bearer({ verify: verifyKey }) }, createAuthServer());
    const alice = await connectSse(running.url, 'key-alice');
    expect(await toolNames(alice)).toEqual(['alice_diary', 'whoami', 'write_note']);
    expect(JSON.parse(textOf(await alice.callTool({ name: 'whoami', arguments: {} }))).subject).toBe('alice');
    const bob = await connectSse(running.url, 'key-bob');
    expect(await toolNames(bob)).toEqual(['whoami']);
  });

  it('authenticates the stream and every POST; another identity cannot post to a session', async () => {
    const running = await startSse(cleanup, { auth: bearer({ verify: verifyKey }) }, createAuthServer());
    const origin = new URL(running.url).origin;
    const noToken = await fetch(running.url, { headers: { accept: 'text/event-stream' } });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/sse"`,
    );
    expect((await (await fetch(`${origin}/health`)).json()).sessions).toBe(0);
    const meta = await (await fetch(`${origin}/.well-known/oauth-protected-resource/sse`)).json();
    expect(meta).toMatchObject({ resource: running.url, bearer_methods_supported: ['header'] });

    const stream = await fetch(running.url, {
      headers: { accept: 'text/event-stream', authorization: 'Bearer key-alice' },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    cleanup.add(() => reader.cancel());
    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
    const endpoint = /data: (.+)/.exec(text)?.[1] as string;
    const messages = new URL(endpoint, origin).href;
    const ping = { jsonrpc: '2.0', id: 1, method: 'ping' };
    expect((await post(messages, ping)).status).toBe(401);
    const stolen = await post(messages, ping, { authorization: 'Bearer key-bob' });
    expect(stolen.status).toBe(403);
    expect((await stolen.json()).error.message).toMatch(/another identity/);
    expect((await post(messages, ping, { authorization: 'Bearer key-alice' })).status).toBe(202);
  });
});

describe('stateless HTTP with auth', () => {
  it('authenticates every POST and gives each its own ctx.auth', async () => {
    const running = await startHttp(
      cleanup,
      { stateless: true, json: true, auth: bearer({ verify: verifyKey }) },
      createAuthServer(),
    );
    const call = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'whoami', arguments: {} } };
    expect((await post(running.url, call)).status).toBe(401);
    const answer = await readAnswer(await post(running.url, call, { authorization: 'Bearer key-alice' }));
    expect(JSON.parse(textOf(answer.result)).subject).toBe('alice');
    const list = await readAnswer(
      await post(running.url, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { authorization: 'Bearer key-bob' }),
    );
    expect((list.result as { tools: { name: string }[] }).tools.map((t) => t.name)).toEqual(['whoami']);
  });
});

describe('toFetchHandler with auth', () => {
  it('derives the resource from the request URL and serves metadata without a network', async () => {
    const handler = toFetchHandler(createAuthServer(), {
      auth: bearer({ verify: verifyKey }),
      authorizationServers: ['https://auth.example.com'],
    });
    cleanup.add(handler.close);
    const meta = await handler(new Request('https://mcp.example.com/.well-known/oauth-protected-resource/mcp'));
    expect(await meta.json()).toEqual({
      resource: 'https://mcp.example.com/mcp',
      authorization_servers: ['https://auth.example.com'],
      bearer_methods_supported: ['header'],
    });
    const denied = await handler(
      new Request('https://mcp.example.com/mcp', {
        method: 'POST',
        headers: postHeaders(),
        body: JSON.stringify(initializeMessage()),
      }),
    );
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toBe(
      'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"',
    );
    const ok = await handler(
      new Request('https://mcp.example.com/mcp', {
        method: 'POST',
        headers: authHeaders('key-alice'),
        body: JSON.stringify(initializeMessage()),
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('mcp-session-id')).toBeTruthy();
    await ok.body?.cancel();
  });

  it('exposes WWW-Authenticate to browsers when CORS is on', async () => {
    const handler = toFetchHandler(createAuthServer(), { cors: true, auth: bearer({ verify: verifyKey }) });
    cleanup.add(handler.close);
    const denied = await handler(
      new Request('https://mcp.example.com/mcp', {
        method: 'POST',
        headers: postHeaders({ origin: 'https://app.example.com' }),
        body: JSON.stringify(initializeMessage()),
      }),
    );
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
  });

  it('rejects a resourceUrl that is not an absolute URL', () => {
    expect(() =>
      toFetchHandler(createAuthServer(), { auth: bearer({ verify: verifyKey }), resourceUrl: '/mcp' }),
    ).toThrow(/resourceUrl/);
  });
});

describe('serve() and middleware', () => {
  it('passes auth options through serve() and shows ctx.auth to middleware', async () => {
    const keys = await createKeys();
    const jwksUrl = await serveJwks(cleanup, [keys.jwk]);
    const subjects: (string | undefined)[] = [];
    const audit: Middleware = (request, ctx, next) => {
      subjects.push(`${request.method}:${ctx.auth?.subject}`);
      return next();
    };
    const server = createServer({ name: 'mw', version: '1.0.0' }, [tool({ name: 'noop', run: () => 'ok' })], {
      middleware: [audit],
    });
    const running = await serve(server, { transport: 'http', port: 0, auth: jwt({ jwksUrl, issuer: ISSUER }) });
    cleanup.add(running.close);
    const url = running.url as string;
    expect((await post(url, initializeMessage())).status).toBe(401);
    const token = await mintToken(keys, { sub: 'dana', aud: url });
    const client = await connectWithToken(cleanup, url, () => token);
    await client.callTool({ name: 'noop', arguments: {} });
    expect(subjects).toContain('initialize:dana');
    expect(subjects).toContain('tools/call:dana');
  });
});

describe('authInfoFromClaims', () => {
  it('maps sub, scope, scp, client_id, azp, cid and exp', () => {
    expect(authInfoFromClaims({ sub: 'a', scope: 'x  y', client_id: 'c', exp: 10 })).toEqual({
      subject: 'a',
      scopes: ['x', 'y'],
      claims: { sub: 'a', scope: 'x  y', client_id: 'c', exp: 10 },
      clientId: 'c',
      expiresAt: 10,
    });
    const fromScp = authInfoFromClaims({ scp: ['r', 'w', 3], azp: 'spa' });
    expect(fromScp).toMatchObject({ subject: undefined, scopes: ['r', 'w'], clientId: 'spa' });
    expect(fromScp.expiresAt).toBeUndefined();
    expect(authInfoFromClaims({}).scopes).toEqual([]);
    expect(authInfoFromClaims({ sub: 'u', cid: 'okta-app', scp: 'a b' })).toMatchObject({
      clientId: 'okta-app',
      scopes: ['a', 'b'],
    });
  });
});

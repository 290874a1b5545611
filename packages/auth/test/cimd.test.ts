/**
 * Client ID Metadata Documents: the SDK v1 client signs in with a URL as its
 * client_id (no registration), and every bad document is refused.
 */
import type { ServerResponse } from 'node:http';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, describe, expect, test } from 'vitest';
import { connect, finishAuth, MemoryClientProvider, textOf } from './helpers/client.js';
import { drive } from './helpers/driver.js';
import { type Listening, listen, TEST_CERT } from './helpers/listen.js';
import { authorizeUrl, pkce, REDIRECT } from './helpers/raw.js';
import { type Stack, startStack } from './helpers/stack.js';

const open: { close: () => Promise<void> }[] = [];
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** An https server of client documents on 127.0.0.1, counting the fetches of each path. */
const startDocuments = async () => {
  const hits = new Map<string, number>();
  const send = (res: ServerResponse, type: string, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': type, ...headers });
    res.end(body);
  };
  let origin = '';
  const doc = (path: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      client_id: `${origin}${path}`,
      client_name: 'Docs Client',
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      ...extra,
    });
  const server: Listening = await listen((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/client.json') return send(res, 'application/json', doc(path), { 'cache-control': 'max-age=60' });
    if (path === '/nostore.json') return send(res, 'application/json', doc(path), { 'cache-control': 'no-store' });
    if (path === '/big.json') return send(res, 'application/json', doc(path, { padding: 'x'.repeat(20_000) }));
    if (path === '/html.json') return send(res, 'text/html', '<html>hello</html>');
    if (path === '/broken.json') return send(res, 'application/json', '{"client_id": ');
    if (path === '/mismatch.json') return send(res, 'application/json', doc('/someone-else.json'));
    if (path === '/secret.json') return send(res, 'application/json', doc(path, { client_secret: 'x' }));
    if (path === '/redirect.json') {
      res.writeHead(302, { location: '/client.json' });
      return res.end();
    }
    if (path === '/slow.json') {
      // Headers at once, then a body that never ends.
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.write('{"client_id":');
    }
    res.writeHead(404);
    res.end();
  }, true);
  origin = server.origin;
  open.push(server);
  return { origin, hits };
};

const stackWith = async (...args: Parameters<typeof startStack>): Promise<Stack> => {
  const stack = await startStack(...args);
  open.push(stack);
  return stack;
};
const devCimd = { allowPrivateAddresses: true, ca: TEST_CERT, timeoutMs: 500 };

describe('CIMD with the SDK v1 client', () => {
  test('the client signs in with its metadata URL as client_id, without registering', async () => {
    const docs = await startDocuments();
    const stack = await stackWith({ cimd: devCimd });
    const metadata = await (await fetch(`${stack.baseUrl}/.well-known/oauth-authorization-server`)).json();
    expect(metadata.client_id_metadata_document_supported).toBe(true);

    const provider = new MemoryClientProvider(REDIRECT, { metadataUrl: `${docs.origin}/client.json` });
    expect(await connect(stack.mcpUrl, provider)).toBeInstanceOf(Error);
    const authorization = provider.authorizationUrl as URL;
    expect(authorization.searchParams.get('client_id')).toBe(`${docs.origin}/client.json`);
    const result = await drive(authorization.href, REDIRECT);
    if (result.kind !== 'redirect') throw new Error(result.html);
    await finishAuth(stack.mcpUrl, provider, result.url.searchParams.get('code') ?? '');
    const client = await connect(stack.mcpUrl, provider);
    if (client instanceof Error) throw client;
    clients.push(client);
    const who = JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} })));
    expect(who).toMatchObject({ subject: 'alice', clientId: `${docs.origin}/client.json` });
  });

  test('the consent page names the client and shows its document URL', async () => {
    const docs = await startDocuments();
    const stack = await stackWith({ cimd: devCimd });
    const pages: { url: string; html: string; headers: Headers }[] = [];
    const result = await drive(authorizeUrl(stack, `${docs.origin}/client.json`, pkce().challenge), REDIRECT, {
      onPage: (page) => pages.push(page),
    });
    expect(result.kind).toBe('redirect');
    const consent = pages.find((p) => p.url.includes('/oauth/consent'));
    expect(consent?.html).toContain('Docs Client');
    expect(consent?.html).toContain(`${docs.origin}/client.json`);
    expect(consent?.html).toContain('127.0.0.1:43118');
    expect(consent?.html).toContain('notes:read');
    expect(consent?.headers.get('x-frame-options')).toBe('DENY');
    expect(consent?.headers.get('content-security-policy')).toContain("form-action 'self' http://127.0.0.1:43118");
  });
});

describe('CIMD documents refused', () => {
  const refused = async (path: string, cimd: object = devCimd) => {
    const docs = await startDocuments();
    const stack = await stackWith({ cimd });
    const response = await fetch(authorizeUrl(stack, `${docs.origin}${path}`, pkce().challenge), {
      redirect: 'manual',
    });
    // Never a redirect: the redirect URI of an unverified client cannot be trusted.
    expect(response.status).toBe(400);
    const html = await response.text();
    // The server still serves.
    expect((await fetch(`${stack.baseUrl}/.well-known/oauth-authorization-server`)).status).toBe(200);
    return html;
  };

  test('a document on a private or loopback address, unless explicitly allowed', async () => {
    expect(await refused('/client.json', { ca: TEST_CERT })).toContain('private address');
  });
  test('an oversized document', async () => {
    expect(await refused('/big.json', { ...devCimd, maxBytes: 5120 })).toContain('larger than 5120 bytes');
  });
  test('a document that does not arrive in time', async () => {
    expect(await refused('/slow.json', { ...devCimd, timeoutMs: 300 })).toContain('within 300 ms');
  });
  test('a document that is not JSON', async () => {
    expect(await refused('/html.json')).toContain('not JSON');
    expect(await refused('/broken.json')).toContain('not valid JSON');
  });
  test('a document whose client_id is not its own URL', async () => {
    expect(await refused('/mismatch.json')).toContain('names another client_id');
  });
  test('a document with a client secret, a redirect, or a 404', async () => {
    expect(await refused('/secret.json')).toContain('client_secret');
    expect(await refused('/redirect.json')).toContain('answered 302');
    expect(await refused('/missing.json')).toContain('answered 404');
  });
  test('an untrusted certificate', async () => {
    expect(await refused('/client.json', { allowPrivateAddresses: true })).toContain('could not be fetched');
  });
});

describe('CIMD caching', () => {
  test('a document is cached as its Cache-Control says', async () => {
    const docs = await startDocuments();
    const stack = await stackWith({ cimd: devCimd });
    for (const path of ['/client.json', '/client.json', '/nostore.json', '/nostore.json']) {
      const response = await fetch(authorizeUrl(stack, `${docs.origin}${path}`, pkce().challenge), {
        redirect: 'manual',
      });
      expect(response.status).toBe(302);
    }
    expect(docs.hits.get('/client.json')).toBe(1);
    expect(docs.hits.get('/nostore.json')).toBe(2);
  });
});

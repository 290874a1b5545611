import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tokenRequest } from './token-request.js';
import { UpstreamError } from './types.js';

let server: Server;
let origin = '';
const seen: { authorization?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ body, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      if (req.url === '/html') {
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end('<h1>Bad gateway</h1>');
      }
      res.setHeader('content-type', 'application/json');
      if (req.url === '/github-error') return res.end(JSON.stringify({ error: 'bad_verification_code' }));
      if (req.url === '/refused') {
        res.statusCode = 400;
        return res.end(JSON.stringify({ error: 'invalid_grant' }));
      }
      res.end(JSON.stringify({ access_token: 'at', token_type: 'Bearer', expires_in: 60, refresh_token: 'rt' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const credentials = { clientId: 'id', clientSecret: 's:cret' };

describe('tokenRequest', () => {
  test('reads the tokens and authenticates with Basic (form-encoded credentials)', async () => {
    const { tokens } = await tokenRequest(`${origin}/ok`, credentials, { grant_type: 'refresh_token' }, 5000);
    expect(tokens).toMatchObject({ accessToken: 'at', refreshToken: 'rt', tokenType: 'Bearer' });
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(seen.at(-1)?.authorization).toBe(`Basic ${btoa('id:s%3Acret')}`);
  });

  test('client_secret_post puts the credentials in the form', async () => {
    await tokenRequest(`${origin}/ok`, { ...credentials, tokenEndpointAuthMethod: 'client_secret_post' }, {}, 5000);
    expect(seen.at(-1)?.authorization).toBeUndefined();
    expect(seen.at(-1)?.body).toContain('client_secret=s%3Acret');
  });

  test('an HTML error page, an error with 200 (GitHub) or an error status is an UpstreamError', async () => {
    for (const path of ['/html', '/github-error', '/refused']) {
      await expect(tokenRequest(`${origin}${path}`, credentials, {}, 5000)).rejects.toBeInstanceOf(UpstreamError);
    }
  });
});

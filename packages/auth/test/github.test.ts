/**
 * The GitHub preset against a stand-in for github.com and api.github.com on
 * 127.0.0.1 (GitHub itself cannot run locally): OAuth app flow with PKCE,
 * the user from GET /user, then tools/call with the SDK v1 client.
 */
import { createHash } from 'node:crypto';
import { createServer, tool } from '@mcpkit/core';
import { toNodeHandler } from '@mcpkit/runtime';
import { afterEach, describe, expect, test } from 'vitest';
import { github, oauthProxy } from '../src/index.js';
import { connect, finishAuth, MemoryClientProvider, textOf } from './helpers/client.js';
import { drive } from './helpers/driver.js';
import { bodyOf, listen } from './helpers/listen.js';

const REDIRECT = 'http://127.0.0.1:43119/cb';
const open: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A stand-in for GitHub's OAuth endpoints and `/user`. */
const startFakeGithub = async () => {
  const codes = new Map<string, string>(); // code → PKCE challenge
  const seen: { tokenRequests: URLSearchParams[] } = { tokenRequests: [] };
  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/login/oauth/authorize') {
      const code = `code-${codes.size}`;
      codes.set(code, url.searchParams.get('code_challenge') ?? '');
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/login/oauth/access_token') {
      const form = new URLSearchParams(await bodyOf(req));
      seen.tokenRequests.push(form);
      const challenge = codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const ok =
        form.get('client_secret') === 'gh-secret' &&
        challenge === createHash('sha256').update(verifier).digest('base64url');
      res.setHeader('content-type', 'application/json');
      // GitHub answers errors with 200 and an `error` member.
      return res.end(
        JSON.stringify(
          ok
            ? { access_token: 'gho_user', token_type: 'bearer', scope: 'read:user' }
            : { error: 'bad_verification_code' },
        ),
      );
    }
    if (url.pathname === '/user' && req.headers.authorization === 'Bearer gho_user') {
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify({ id: 583231, login: 'octocat', name: 'The Octocat', email: null }));
    }
    res.writeHead(401);
    res.end();
  });
  open.push(server);
  return { origin: server.origin, seen };
};

describe('github()', () => {
  test('signs in through GitHub: PKCE sent, user from /user, upstream token kept server-side', async () => {
    const gh = await startFakeGithub();
    const mcp = await listen();
    open.push(mcp);
    const auth = oauthProxy({
      provider: github({ clientId: 'gh-client', clientSecret: 'gh-secret', webUrl: gh.origin, apiUrl: gh.origin }),
      baseUrl: mcp.origin,
    });
    const server = createServer({ name: 'gh', version: '1.0.0' }, [
      tool({ name: 'whoami', run: (_a, ctx) => ctx.auth?.subject ?? '' }),
      tool({ name: 'gh_token', run: async (_a, ctx) => (await auth.upstream(ctx.auth)).accessToken }),
    ]);
    const handler = toNodeHandler(server, { auth });
    mcp.server.on('request', handler);
    open.push({ close: async () => handler.close() });

    const provider = new MemoryClientProvider(REDIRECT);
    await connect(`${mcp.origin}/mcp`, provider);
    const result = await drive((provider.authorizationUrl as URL).href, REDIRECT);
    if (result.kind !== 'redirect') throw new Error(result.html);
    await finishAuth(`${mcp.origin}/mcp`, provider, result.url.searchParams.get('code') ?? '');
    const client = await connect(`${mcp.origin}/mcp`, provider);
    if (client instanceof Error) throw client;
    open.push({ close: () => client.close() });

    expect(textOf(await client.callTool({ name: 'whoami', arguments: {} }))).toBe('583231');
    expect(textOf(await client.callTool({ name: 'gh_token', arguments: {} }))).toBe('gho_user');
    expect(JSON.stringify(provider.tokens())).not.toContain('gho_user');
    expect(gh.seen.tokenRequests[0]?.get('code_verifier')).toBeTruthy();
  });
});

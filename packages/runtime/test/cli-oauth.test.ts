/** `mcpkit run` with sign-in from the environment (MCPKIT_OAUTH_*), through @mcpkit/auth's oauthProxyFromEnv(). */
import { afterEach, describe, expect, it } from 'vitest';
import { EVERYTHING, type RunningCli, runCli, startRun } from './cli-helpers.js';

const running: RunningCli[] = [];
afterEach(async () => {
  for (const run of running.splice(0)) await run.stop();
});

const OAUTH_ENV = {
  MCPKIT_OAUTH_PROVIDER: 'github',
  MCPKIT_OAUTH_CLIENT_ID: 'client-id',
  MCPKIT_OAUTH_CLIENT_SECRET: 'client-secret',
  MCPKIT_BASE_URL: 'http://127.0.0.1:8123',
};

describe('mcpkit run with MCPKIT_OAUTH_PROVIDER', () => {
  it('serves as the OAuth authorization server and asks for a token on MCP requests', async () => {
    const run = await startRun([EVERYTHING, '--transport', 'http', '--port', '0'], OAUTH_ENV);
    running.push(run);
    const origin = new URL(run.url as string).origin;
    const metadata = await fetch(`${origin}/.well-known/oauth-authorization-server`);
    expect(metadata.status).toBe(200);
    expect(await metadata.json()).toMatchObject({
      issuer: 'http://127.0.0.1:8123',
      code_challenge_methods_supported: ['S256'],
    });
    const unauthenticated = await fetch(run.url as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('fails with a clear message when the sign-in is misconfigured', async () => {
    const bad = await runCli(['run', EVERYTHING, '--transport', 'http', '--port', '0'], {
      ...OAUTH_ENV,
      MCPKIT_OAUTH_PROVIDER: 'myspace',
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(
      /Sign-in is misconfigured: .*MCPKIT_OAUTH_PROVIDER must be github, google, entra or oidc/,
    );
  });
});

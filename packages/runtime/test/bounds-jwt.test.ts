/**
 * Token lifetime bounds of jwt() over Streamable HTTP: tokens without `exp`
 * are refused unless allowed, and `maxTokenAge` refuses old tokens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type JwtOptions, jwt } from '../src/index.js';
import {
  connectWithToken,
  createAuthServer,
  createKeys,
  ISSUER,
  mintToken,
  serveJwks,
  type TestKeys,
  textOf,
} from './auth-helpers.js';
import { createCleanup, initializeMessage, post, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const now = () => Math.floor(Date.now() / 1000);

const serve = async (options: Partial<JwtOptions> = {}) => {
  const keys: TestKeys = await createKeys();
  const jwksUrl = await serveJwks(cleanup, [keys.jwk]);
  const running = await startHttp(
    cleanup,
    { auth: jwt({ jwksUrl, issuer: ISSUER, ...options }), authorizationServers: [ISSUER] },
    createAuthServer(),
  );
  const token = (claims: Record<string, unknown> = {}) =>
    mintToken(keys, { sub: 'alice', aud: running.url, ...claims });
  const status = async (bearer: string) => {
    const response = await post(running.url, initializeMessage(), { authorization: `Bearer ${bearer}` });
    await response.body?.cancel();
    return { status: response.status, challenge: response.headers.get('www-authenticate') };
  };
  return { running, token, status };
};

describe('bounds: JWT lifetime', () => {
  it('refuses a token without exp by default (401 invalid_token)', async () => {
    const { token, status } = await serve();
    const forever = await token({ exp: undefined });
    expect(await status(forever)).toMatchObject({ status: 401, challenge: expect.stringContaining('invalid_token') });
    expect((await status(await token())).status).toBe(200);
  });

  it('accepts a token without exp when allowNoExpiry is set', async () => {
    const { running, token } = await serve({ allowNoExpiry: true });
    const forever = await token({ exp: undefined });
    const client = await connectWithToken(cleanup, running.url, () => forever);
    expect(JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} }))).subject).toBe('alice');
  });

  it('refuses tokens older than maxTokenAge, and tokens without iat, when it is set', async () => {
    const { token, status } = await serve({ maxTokenAge: '1h' });
    expect((await status(await token({ iat: now() - 2 * 3600, exp: now() + 3600 }))).status).toBe(401);
    expect((await status(await token({ iat: undefined }))).status).toBe(401);
    expect((await status(await token({ iat: now() - 60 }))).status).toBe(200);
  });
});

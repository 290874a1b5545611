/**
 * Authentication and sessions: a session belongs to the identity that opened
 * it, ctx.auth is per request (a new token's scopes apply at once), and each
 * user sees only the components their token allows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jwt, type RunningServer } from '../src/index.js';
import {
  authHeaders,
  connectWithToken,
  createAuthServer,
  createKeys,
  ISSUER,
  mintToken,
  readAnswer,
  serveJwks,
  type TestKeys,
  textOf,
  toolNames,
} from './auth-helpers.js';
import { createCleanup, initializeMessage, post, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

let keys: TestKeys;
let running: RunningServer;

const token = (claims: Record<string, unknown>) => mintToken(keys, { aud: running.url, ...claims });

/** Opens a session with `bearer` by hand; returns its id. */
const openSession = async (bearer: string): Promise<string> => {
  const init = await post(running.url, initializeMessage(), { authorization: `Bearer ${bearer}` });
  expect(init.status).toBe(200);
  await init.body?.cancel();
  const id = init.headers.get('mcp-session-id') as string;
  const done = await post(
    running.url,
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    authHeaders(bearer, { 'mcp-session-id': id }),
  );
  expect(done.status).toBe(202);
  return id;
};

const listTools = async (bearer: string, session: string, id = 10) => {
  const response = await post(
    running.url,
    { jsonrpc: '2.0', id, method: 'tools/list' },
    authHeaders(bearer, { 'mcp-session-id': session }),
  );
  return { response, answer: response.status === 200 ? await readAnswer(response) : await response.json() };
};

describe.each([false, true])('sessions and identities (json: %s)', (json) => {
  beforeEach(async () => {
    keys = await createKeys();
    const jwksUrl = await serveJwks(cleanup, [keys.jwk]);
    running = await startHttp(
      cleanup,
      { json, auth: jwt({ jwksUrl, issuer: ISSUER }), authorizationServers: [ISSUER] },
      createAuthServer(),
    );
  });

  it('refuses another identity presenting a session id (403) and keeps serving the owner', async () => {
    const alice = await token({ sub: 'alice' });
    const mallory = await token({ sub: 'mallory', scope: 'notes:write' });
    const session = await openSession(alice);

    const stolen = await listTools(mallory, session);
    expect(stolen.response.status).toBe(403);
    expect(stolen.answer).toMatchObject({
      jsonrpc: '2.0',
      error: { code: -32600, message: expect.stringMatching(/another identity/) },
    });
    const get = await fetch(running.url, {
      headers: { accept: 'text/event-stream', 'mcp-session-id': session, authorization: `Bearer ${mallory}` },
    });
    expect(get.status).toBe(403);
    const del = await fetch(running.url, {
      method: 'DELETE',
      headers: { 'mcp-session-id': session, authorization: `Bearer ${mallory}` },
    });
    expect(del.status).toBe(403);

    const owner = await listTools(alice, session);
    expect(owner.response.status).toBe(200);
    expect((owner.answer.result as { tools: { name: string }[] }).tools.map((t) => t.name).sort()).toEqual([
      'alice_diary',
      'whoami',
    ]);
  });

  it('binds a session to the client when the token has no subject', async () => {
    const service = await token({ client_id: 'batch-job' });
    const other = await token({ azp: 'another-client' });
    const session = await openSession(service);
    expect((await listTools(other, session)).response.status).toBe(403);
    expect((await listTools(service, session)).response.status).toBe(200);
  });

  it('applies a token with fewer scopes to the very next request of the session', async () => {
    let current = await token({ sub: 'alice', scope: 'notes:write' });
    const client = await connectWithToken(cleanup, running.url, () => current);
    expect(await toolNames(client)).toEqual(['alice_diary', 'whoami', 'write_note']);
    expect(textOf(await client.callTool({ name: 'write_note', arguments: { text: 'a' } }))).toBe('saved: a');

    current = await token({ sub: 'alice', scope: 'notes:read' });
    expect(await toolNames(client)).toEqual(['alice_diary', 'whoami']);
    const refused = await client
      .callTool({ name: 'write_note', arguments: { text: 'b' } })
      .catch((error: Error) => error);
    const message = refused instanceof Error ? refused.message : textOf(refused);
    expect(message).toMatch(/unknown tool/i);
    expect(JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} }))).scopes).toEqual(['notes:read']);
  });
});

describe('per-user visibility through the real transport', () => {
  beforeEach(async () => {
    keys = await createKeys();
    const jwksUrl = await serveJwks(cleanup, [keys.jwk]);
    running = await startHttp(
      cleanup,
      { auth: jwt({ jwksUrl, issuer: ISSUER }), authorizationServers: [ISSUER] },
      createAuthServer(),
    );
  });

  it('shows each user the tools their token allows, and ctx.auth names them', async () => {
    const aliceToken = await token({ sub: 'alice', scope: 'notes:write' });
    const bobToken = await token({ sub: 'bob', scope: 'notes:read' });
    const alice = await connectWithToken(cleanup, running.url, () => aliceToken);
    const bob = await connectWithToken(cleanup, running.url, () => bobToken);
    expect(await toolNames(alice)).toEqual(['alice_diary', 'whoami', 'write_note']);
    expect(await toolNames(bob)).toEqual(['whoami']);
    expect(textOf(await alice.callTool({ name: 'alice_diary', arguments: {} }))).toBe('dear diary');
    const denied = await bob.callTool({ name: 'alice_diary', arguments: {} }).catch((error: Error) => error);
    expect(denied instanceof Error ? denied.message : textOf(denied)).toMatch(/unknown tool/i);
    expect(JSON.parse(textOf(await bob.callTool({ name: 'whoami', arguments: {} })))).toEqual({
      subject: 'bob',
      scopes: ['notes:read'],
      clientId: null,
    });
  });
});

/** Every context call the client cannot answer fails with one error type: ClientUnavailableError, code CLIENT_UNAVAILABLE. */
import { ClientUnavailableError, createServer, createTestContext, isInputRequired, tool } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { createSession } from '../src/index.js';

/** Reports how ctx.elicit() failed, as `name code reason`. */
const probe = tool({
  name: 'probe',
  run: async (_args, ctx) => {
    try {
      await ctx.elicit({ message: 'Hi?', requestedSchema: { type: 'object', properties: {} } });
      return 'answered';
    } catch (error) {
      if (isInputRequired(error)) throw error;
      const e = error as ClientUnavailableError;
      return `${e instanceof ClientUnavailableError} ${e.code} ${e.reason}`;
    }
  },
});
const server = createServer({ name: 'u', version: '1' }, [probe], { input: { secret: 'x'.repeat(32), replay: false } });

const call = async (session: ReturnType<typeof createSession>, meta?: Record<string, unknown>) =>
  session.receive({
    jsonrpc: '2.0',
    id: 2,
    method: 'tools/call',
    params: { name: 'probe', ...(meta && { _meta: meta }) },
  } as never);

describe('ClientUnavailableError', () => {
  it('says why: no client, missing capability, stateless session, replay off', async () => {
    expect((await server.callTool('probe')).content).toEqual([
      { type: 'text', text: 'true CLIENT_UNAVAILABLE no-client' },
    ]);
    expect((await server.callTool('probe', {}, createTestContext())).content).toEqual([
      { type: 'text', text: 'true CLIENT_UNAVAILABLE no-client' },
    ]);
    const session = createSession(server);
    session.setChannel(() => {});
    await session.receive({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {} },
    } as never);
    expect(await call(session)).toMatchObject({
      result: { content: [{ text: 'true CLIENT_UNAVAILABLE capability' }] },
    });
    const stateless = createSession(server, { stateless: true, assumeInitialized: { protocolVersion: '2025-11-25' } });
    expect(await call(stateless)).toMatchObject({
      result: { content: [{ text: 'true CLIENT_UNAVAILABLE stateless' }] },
    });
    const modern = await call(createSession(server), {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
    });
    expect(modern).toMatchObject({ result: { content: [{ text: 'true CLIENT_UNAVAILABLE replay-off' }] } });
  });
});

/**
 * Session isolation under concurrency: with many clients calling at once
 * (and reusing the same JSON-RPC ids), every client only ever receives its own
 * ids and results (the class of bug behind CVE-2026-25536: responses routed
 * to the wrong client when requests overlap), one session's state, events and
 * cancellations never reach another.
 */
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../src/index.js';
import { call, createHardeningServer, finalOf, messagesOf, textOf } from './hardening-helpers.js';
import { connectHttp, createCleanup, openRawSession, post, sseReader, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const CLIENTS = 100;
const CALLS = 5;

const sessionHeaders = (id: string) => ({ 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });

/** Every call of client `c` says who it is for; the delays make responses finish out of order. */
const expected = (c: number, i: number) => `client-${c}-call-${i}`;
const delay = (c: number, i: number) => (c * 7 + i * 13) % 25;

/** Runs CLIENTS raw clients at once, each sending CALLS overlapping calls with ids 1..CALLS. */
const rawClients = async (url: string, sessions: readonly (string | undefined)[]) =>
  Promise.all(
    sessions.map(async (session, c) =>
      Promise.all(
        Array.from({ length: CALLS }, async (_, i) => {
          const headers = session ? sessionHeaders(session) : { 'mcp-protocol-version': LATEST_PROTOCOL_VERSION };
          const response = await post(url, call(i + 1, 'later', { text: expected(c, i), ms: delay(c, i) }), headers);
          expect(response.status).toBe(200);
          const messages = await messagesOf(response);
          // Nothing but this call's own answer arrives on its stream.
          expect(messages).toHaveLength(1);
          const answer = finalOf(messages);
          expect(answer?.id).toBe(i + 1);
          expect(textOf(answer?.result)).toBe(expected(c, i));
        }),
      ),
    ),
  );

describe('hardening: session isolation', () => {
  for (const json of [false, true]) {
    it(`routes ${CLIENTS} sessions × ${CALLS} overlapping calls with reused ids to their own clients (${json ? 'json' : 'SSE'})`, async () => {
      const { url } = await startHttp(cleanup, { json }, createHardeningServer());
      const sessions = await Promise.all(Array.from({ length: CLIENTS }, () => openRawSession(url)));
      expect(new Set(sessions).size).toBe(CLIENTS);
      await rawClients(url, sessions);
    });
  }

  it(`routes ${CLIENTS} concurrent stateless requests with the same ids to their own clients`, async () => {
    const { url } = await startHttp(cleanup, { stateless: true }, createHardeningServer());
    await rawClients(
      url,
      Array.from({ length: CLIENTS }, () => undefined),
    );
  });

  it(`gives ${CLIENTS} SDK clients over StreamableHTTPClientTransport only their own results`, async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => connectHttp(cleanup, url)));
    await Promise.all(
      clients.map(async ({ client }, c) =>
        Promise.all(
          Array.from({ length: CALLS }, async (_, i) => {
            const result = await client.callTool({
              name: 'later',
              arguments: { text: expected(c, i), ms: delay(c, i) },
            });
            expect(textOf(result as never)).toBe(expected(c, i));
          }),
        ),
      ),
    );
  });

  it('never shows one session the ctx.session.state of another', async () => {
    const { url } = await startHttp(cleanup, { json: true }, createHardeningServer());
    const sessions = await Promise.all(Array.from({ length: CLIENTS }, () => openRawSession(url)));
    const stateCall = async (session: string, set?: string) => {
      const response = await post(url, call(1, 'state', set === undefined ? {} : { set }), sessionHeaders(session));
      return JSON.parse(textOf(finalOf(await messagesOf(response))?.result)) as { previous: unknown; session: unknown };
    };
    // All set at once: each saw nothing before, and its own session id.
    const first = await Promise.all(sessions.map((s, c) => stateCall(s, `secret-${c}`)));
    expect(first).toEqual(sessions.map((s) => ({ previous: null, session: s })));
    // All read at once: each sees only its own secret.
    const second = await Promise.all(sessions.map((s) => stateCall(s)));
    expect(second).toEqual(sessions.map((s, c) => ({ previous: `secret-${c}`, session: s })));
  });

  it("ignores another session's notifications/cancelled for a request id it is running", async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    const [a, b] = [await openRawSession(url), await openRawSession(url)];
    const cancel = { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 5 } };
    // B cancels id 5 while A runs its own id 5: A still gets its answer (the tool's own timeout).
    const running = await post(url, call(5, 'hang'), sessionHeaders(a));
    expect((await post(url, cancel, sessionHeaders(b))).status).toBe(202);
    const answer = finalOf(await messagesOf(running));
    expect(answer).toMatchObject({ id: 5, result: { isError: true } });
    expect(textOf(answer?.result)).toMatch(/timed out/);
    // Control: A cancelling its own request does withdraw the answer.
    const own = await post(url, call(5, 'hang'), sessionHeaders(a));
    expect((await post(url, cancel, sessionHeaders(a))).status).toBe(202);
    expect(finalOf(await messagesOf(own))).toBeUndefined();
  });

  it("ignores another session's answer to a sampling request it sent", async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    const hello = (id: number) => ({
      jsonrpc: '2.0',
      id,
      method: 'initialize',
      params: {
        protocolVersion: LATEST_PROTOCOL_VERSION,
        capabilities: { sampling: {} },
        clientInfo: { name: 'a', version: '1' },
      },
    });
    const opened = await post(url, hello(1));
    await opened.body?.cancel();
    const a = opened.headers.get('mcp-session-id') as string;
    const b = await openRawSession(url);
    const stream = sseReader(await post(url, call(1, 'ask'), sessionHeaders(a)));
    const sampling = JSON.parse((await stream.next())?.data ?? '') as { id: string | number; method: string };
    expect(sampling.method).toBe('sampling/createMessage');
    const answer = (text: string) => ({
      jsonrpc: '2.0',
      id: sampling.id,
      result: { role: 'assistant', model: 'm', content: { type: 'text', text } },
    });
    // B answers A's request id first; only A's own answer may count.
    expect((await post(url, answer('from B'), sessionHeaders(b))).status).toBe(202);
    expect((await post(url, answer('from A'), sessionHeaders(a))).status).toBe(202);
    const result = JSON.parse((await stream.next())?.data ?? '') as { id: number; result: never };
    expect(result.id).toBe(1);
    expect(textOf(result.result)).toBe('from A');
  });

  it("never replays one session's events to another that presents its Last-Event-ID", async () => {
    const { url } = await startHttp(cleanup, { eventStore: createMemoryEventStore() }, createHardeningServer());
    const [a, b] = [await openRawSession(url), await openRawSession(url)];
    const reader = sseReader(await post(url, call(1, 'echo', { text: 'for A only' }), sessionHeaders(a)));
    const priming = await reader.next();
    expect(priming?.id).toMatch(new RegExp(`^${a}\\.`));
    await reader.cancel();
    // A itself may resume from there and gets its answer back...
    const resumed = sseReader(
      await fetch(url, {
        headers: { ...sessionHeaders(a), accept: 'text/event-stream', 'last-event-id': priming?.id ?? '' },
      }),
    );
    expect(JSON.parse((await resumed.next())?.data ?? '')).toMatchObject({
      id: 1,
      result: { content: [{ text: 'for A only' }] },
    });
    await resumed.cancel();
    // ...B presenting A's event id gets an ordinary stream of its own, without A's events.
    const stolen = await fetch(url, {
      headers: { ...sessionHeaders(b), accept: 'text/event-stream', 'last-event-id': priming?.id ?? '' },
    });
    expect(stolen.status).toBe(200);
    const events = sseReader(stolen);
    const first = await events.next();
    expect(first?.data).toBe('');
    expect(first?.id).toMatch(new RegExp(`^${b}\\.`));
    await events.cancel();
  });
});

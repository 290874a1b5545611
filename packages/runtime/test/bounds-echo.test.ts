/**
 * Error messages never echo client input whole: an unknown 3 MiB tool name,
 * method, prompt or URI comes back clipped, over a real HTTP transport that
 * also stores every answer in a memory event store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../src/index.js';
import { call, createHardeningServer, finalOf, messagesOf, rpc, textOf } from './hardening-helpers.js';
import { createCleanup, openRawSession, post, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const HUGE = 'n'.repeat(3 * 1024 * 1024);
/** Clipped input says how much was cut. */
const CLIPPED = /… \(\d+ more characters\)/;

let url: string;
let headers: Record<string, string>;
beforeEach(async () => {
  ({ url } = await startHttp(cleanup, { eventStore: createMemoryEventStore() }, createHardeningServer()));
  const id = await openRawSession(url);
  headers = { 'mcp-session-id': id, 'mcp-protocol-version': '2025-11-25' };
});

/** Posts `message` and returns the final answer and the size of the whole response. */
const ask = async (message: unknown) => {
  const response = await post(url, message, headers);
  const messages = await messagesOf(response);
  return { answer: finalOf(messages), size: JSON.stringify(messages).length };
};

describe('bounds: echoed input in errors', () => {
  it.each([
    ['an unknown tool', call(1, HUGE), -32602],
    ['an unknown method', rpc(1, HUGE), -32601],
    ['an unknown prompt', rpc(1, 'prompts/get', { name: HUGE }), -32602],
    ['an unknown resource', rpc(1, 'resources/read', { uri: `x://${HUGE}` }), -32002],
    [
      'an unknown completion ref',
      rpc(1, 'completion/complete', { ref: { type: 'ref/prompt', name: HUGE }, argument: { name: 'a', value: '' } }),
      -32602,
    ],
  ])('clips %s to a short message', async (_name, message, code) => {
    const { answer, size } = await ask(message);
    expect(answer?.error?.code).toBe(code);
    expect(answer?.error?.message).toMatch(CLIPPED);
    expect(size).toBeLessThan(1024);
  });

  it('clips a received value that a validation message quotes', async () => {
    const { answer, size } = await ask(call(1, 'inject', { payload: 'p', fail: HUGE }));
    expect(answer?.result?.isError).toBe(true);
    expect(textOf(answer?.result)).toMatch(CLIPPED);
    expect(size).toBeLessThan(2048);
  });
});

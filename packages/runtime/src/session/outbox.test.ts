import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import { createOutbox } from './outbox.js';

const recorder = () => {
  const sent: JSONRPCMessage[] = [];
  return { sent, send: (message: JSONRPCMessage) => void sent.push(message) };
};

describe('createOutbox', () => {
  test('sends a request with its own id and resolves with the result the client answers', async () => {
    const outbox = createOutbox();
    const { sent, send } = recorder();
    const answer = outbox.request('roots/list', {}, send, new AbortController().signal);
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 1, method: 'roots/list', params: {} }]);
    expect(outbox.settle({ id: 1, result: { roots: [] } })).toBe(true);
    await expect(answer).resolves.toEqual({ roots: [] });
    // The id is spent: a second answer to it matches nothing.
    expect(outbox.settle({ id: 1, result: {} })).toBe(false);
  });

  test('ids count up from 1, after the prefix when one is given; a string id does not answer a number one', async () => {
    const outbox = createOutbox('a-');
    const { sent, send } = recorder();
    const first = outbox.request('ping', {}, send, new AbortController().signal);
    const second = outbox.request('ping', {}, send, new AbortController().signal);
    expect(sent.map((m) => (m as { id: unknown }).id)).toEqual(['a-1', 'a-2']);
    expect(outbox.settle({ id: 1, result: {} })).toBe(false);
    expect(outbox.settle({ id: 'a-2', result: { two: true } })).toBe(true);
    expect(outbox.settle({ id: 'a-1', result: { one: true } })).toBe(true);
    await expect(first).resolves.toEqual({ one: true });
    await expect(second).resolves.toEqual({ two: true });
  });

  test('a client error rejects with its code and message; an answer without a usable id settles nothing', async () => {
    const outbox = createOutbox();
    const { send } = recorder();
    const answer = outbox.request('sampling/createMessage', {}, send, new AbortController().signal);
    expect(outbox.settle({ result: {} })).toBe(false);
    expect(outbox.settle({ id: null, result: {} })).toBe(false);
    expect(outbox.settle({ id: 1, error: { code: -32600, message: 'no sampling here' } })).toBe(true);
    await expect(answer).rejects.toMatchObject({
      code: -32600,
      message: 'The client answered sampling/createMessage with an error: no sampling here',
    });
    const odd = outbox.request('ping', {}, send, new AbortController().signal);
    outbox.settle({ id: 2, error: 'not an object' });
    await expect(odd).rejects.toMatchObject({ code: 'CLIENT_ERROR', message: /unknown error/ });
  });

  test('aborting rejects, forgets the request and tells the client to stop', async () => {
    const outbox = createOutbox();
    const { sent, send } = recorder();
    const controller = new AbortController();
    const answer = outbox.request('elicitation/create', {}, send, controller.signal);
    controller.abort(new Error('the tool call was cancelled'));
    await expect(answer).rejects.toMatchObject({
      code: 'ABORTED',
      message: 'elicitation/create was abandoned: the tool call was cancelled',
    });
    expect(sent[1]).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 1, reason: 'The server request was aborted' },
    });
    expect(outbox.settle({ id: 1, result: {} })).toBe(false);
  });

  test('an already aborted signal sends nothing', async () => {
    const outbox = createOutbox();
    const { sent, send } = recorder();
    const controller = new AbortController();
    controller.abort();
    await expect(outbox.request('ping', {}, send, controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
    expect(sent).toEqual([]);
  });

  test('a send that throws rejects at once and leaves nothing pending', async () => {
    const outbox = createOutbox();
    const broken = () => {
      throw new Error('stream closed');
    };
    await expect(outbox.request('roots/list', {}, broken, new AbortController().signal)).rejects.toMatchObject({
      code: 'SEND_FAILED',
      message: 'Could not send roots/list to the client: stream closed',
    });
    expect(outbox.settle({ id: 1, result: {} })).toBe(false);
  });

  test('rejectAll rejects every pending request with the reason', async () => {
    const outbox = createOutbox();
    const { send } = recorder();
    const a = outbox.request('ping', {}, send, new AbortController().signal);
    const b = outbox.request('ping', {}, send, new AbortController().signal);
    const reason = new Error('session closed');
    outbox.rejectAll(reason);
    await expect(a).rejects.toBe(reason);
    await expect(b).rejects.toBe(reason);
    expect(outbox.settle({ id: 1, result: {} })).toBe(false);
  });
});

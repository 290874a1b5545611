import { describe, expect, test } from 'vitest';
import type { SseBody } from './exchange.js';
import { openSse, sseReply } from './sse-stream.js';

/** What a stream reply carries once attached: its text, and whether it ended. */
const drain = (body: SseBody): { text: string; ended: boolean } => {
  const out = { text: '', ended: false };
  body.attach({
    write: (chunk) => {
      out.text += chunk;
    },
    end: (chunk) => {
      out.text += chunk ?? '';
      out.ended = true;
    },
  });
  return out;
};

describe('sseReply', () => {
  test('gives the head and text of a stream that carried the same events and closed', () => {
    const events = [{ data: '{"a":1}' }, { id: '7', event: 'message', data: 'two\nlines' }];
    const conn = openSse({ headers: { 'Mcp-Session-Id': 'abc' } });
    for (const event of events) conn.write(event);
    conn.close();
    const whole = sseReply(events, { 'Mcp-Session-Id': 'abc' });
    expect(whole.status).toBe(conn.response.status);
    expect(whole.headers).toEqual(conn.response.headers);
    expect(whole.body).toBe(drain(conn.response.body as SseBody).text);
    expect(whole.body).toBe('data: {"a":1}\n\nid: 7\nevent: message\ndata: two\ndata: lines\n\n');
  });

  test('with no events is an empty event stream, as a stream closed before any event', () => {
    const conn = openSse();
    conn.close();
    const streamed = drain(conn.response.body as SseBody);
    expect(streamed).toEqual({ text: '', ended: true });
    expect(sseReply([])).toEqual({ status: 200, headers: conn.response.headers, body: '' });
  });
});

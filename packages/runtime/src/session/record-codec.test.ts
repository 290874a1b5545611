import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from './record-codec.js';
import type { SessionRecord } from './session-record.js';

const record = (over: Partial<SessionRecord> = {}): SessionRecord => ({
  id: 'abc',
  hello: { protocolVersion: '2025-11-25', clientInfo: { name: 'c', version: '1' }, capabilities: {} },
  level: 'info',
  subscriptions: undefined,
  rules: undefined,
  state: undefined,
  ...over,
});

describe('session record codec', () => {
  it('round-trips what a session keeps, and leaves out empty collections', () => {
    const full = record({
      subscriptions: new Set(['note://a']),
      rules: [{ enabled: false, selector: { tags: ['admin'] } }],
      state: new Map<string, unknown>([['n', 1]]),
      level: 'debug',
    });
    expect(decodeRecord(encodeRecord(full, 'user-1'))).toEqual({
      v: 1,
      owner: 'user-1',
      hello: full.hello,
      level: 'debug',
      subscriptions: ['note://a'],
      rules: [{ enabled: false, selector: { tags: ['admin'] } }],
      state: { n: 1 },
    });
    expect(JSON.parse(encodeRecord(record({ subscriptions: new Set(), state: new Map() }), undefined))).toEqual({
      v: 1,
      hello: full.hello,
      level: 'info',
    });
  });

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ v: 2, hello: { protocolVersion: 'x' }, level: 'info' })],
    ['no hello', JSON.stringify({ v: 1, level: 'info' })],
    ['a bad level', JSON.stringify({ v: 1, hello: { protocolVersion: 'x' }, level: 'loud' })],
    ['a bad owner', JSON.stringify({ v: 1, hello: { protocolVersion: 'x' }, level: 'info', owner: 7 })],
    ['bad subscriptions', JSON.stringify({ v: 1, hello: { protocolVersion: 'x' }, level: 'info', subscriptions: [1] })],
    ['bad state', JSON.stringify({ v: 1, hello: { protocolVersion: 'x' }, level: 'info', state: [1] })],
  ])('treats %s as no record', (_what, text) => {
    expect(decodeRecord(text)).toBeUndefined();
  });
});

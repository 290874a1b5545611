import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/codes.js';
import { fromBase64Url } from '../utils/base64url.js';
import { canonicalJson } from './canonical-json.js';
import { paramsDigest } from './params-digest.js';
import {
  MAX_STATE_CHARS,
  openRequestState,
  requestStateError,
  type StateBinding,
  sealRequestState,
} from './request-state.js';
import { generateStateKey, stateKeyFromSecret } from './state-key.js';

const SECRET = 'a-secret-of-at-least-thirty-two-bytes!';
const binding: StateBinding = { identity: 'alice', method: 'tools/call', paramsDigest: 'd1' };
const at = (ms: number) => () => ms;

describe('sealRequestState / openRequestState', () => {
  it('round-trips a payload for the same binding, unreadable in the token', async () => {
    const key = await stateKeyFromSecret(SECRET);
    const payload = { round: 2, answers: ['octocat'], secret: 'plain-text-marker' };
    const token = await sealRequestState(payload, { key, ttlMs: 60_000, binding });
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('plain');
    expect(new TextDecoder().decode(fromBase64Url(token.slice(3)))).not.toContain('plain-text-marker');
    expect(await openRequestState(token, { key, binding })).toEqual({ ok: true, payload });
  });

  it('seals differently each time (random IV)', async () => {
    const key = await generateStateKey();
    const a = await sealRequestState(1, { key, ttlMs: 1000, binding });
    const b = await sealRequestState(1, { key, ttlMs: 1000, binding });
    expect(a).not.toBe(b);
  });

  it('opens across instances that share the secret', async () => {
    const token = await sealRequestState('x', { key: await stateKeyFromSecret(SECRET), ttlMs: 1000, binding });
    expect(
      await openRequestState(token, { key: await stateKeyFromSecret(new TextEncoder().encode(SECRET)), binding }),
    ).toEqual({
      ok: true,
      payload: 'x',
    });
  });

  it('refuses a token changed in any position', async () => {
    const key = await generateStateKey();
    const token = await sealRequestState({ n: 1 }, { key, ttlMs: 60_000, binding });
    for (const i of [3, 10, Math.floor(token.length / 2), token.length - 2]) {
      const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect((await openRequestState(flipped, { key, binding })).ok).toBe(false);
    }
    const middle = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    expect(await openRequestState(middle, { key, binding })).toEqual({ ok: false, reason: 'tampered' });
  });

  it("refuses the conformance suite's tampering (a suffix appended to the token)", async () => {
    const key = await generateStateKey();
    const token = await sealRequestState({ kind: 'tamper-test' }, { key, ttlMs: 60_000, binding });
    for (const suffix of ['-TAMPERED', 'A', 'AA', 'AAAA']) {
      expect((await openRequestState(`${token}${suffix}`, { key, binding })).ok).toBe(false);
    }
  });

  it('refuses state sealed with another key as tampered', async () => {
    const token = await sealRequestState(1, { key: await generateStateKey(), ttlMs: 60_000, binding });
    expect(await openRequestState(token, { key: await generateStateKey(), binding })).toEqual({
      ok: false,
      reason: 'tampered',
    });
    expect(await openRequestState(token, { key: await stateKeyFromSecret(SECRET), binding })).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('refuses expired state', async () => {
    const key = await generateStateKey();
    const token = await sealRequestState(1, { key, ttlMs: 1000, binding, now: at(5000) });
    expect(await openRequestState(token, { key, binding, now: at(5999) })).toEqual({ ok: true, payload: 1 });
    expect(await openRequestState(token, { key, binding, now: at(6000) })).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['another caller', { ...binding, identity: 'mallory' }],
    ['anonymous instead of a caller', { ...binding, identity: '' }],
    ['another method', { ...binding, method: 'prompts/get' }],
    ['other params', { ...binding, paramsDigest: 'd2' }],
  ])('refuses state presented by %s as foreign', async (_, other) => {
    const key = await generateStateKey();
    const token = await sealRequestState(1, { key, ttlMs: 60_000, binding });
    expect(await openRequestState(token, { key, binding: other })).toEqual({ ok: false, reason: 'foreign' });
  });

  it.each([
    ['a number', 42],
    ['undefined', undefined],
    ['an empty string', ''],
    ['another format', 'v2.abc'],
    ['the reference fixture JSON', '{"kind":"tamper-test"}'],
    ['non-base64url text', 'v1.not base64!'],
    ['too short to hold an IV and tag', 'v1.AAAA'],
    ['a token past the size cap', `v1.${'A'.repeat(MAX_STATE_CHARS)}`],
  ])('refuses %s as malformed', async (_, token) => {
    const key = await generateStateKey();
    expect(await openRequestState(token, { key, binding })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('honours a smaller size cap', async () => {
    const key = await generateStateKey();
    const token = await sealRequestState('x'.repeat(200), { key, ttlMs: 1000, binding });
    expect(await openRequestState(token, { key, binding, maxChars: 100 })).toEqual({ ok: false, reason: 'malformed' });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses ttlMs %s', async (ttlMs) => {
    await expect(sealRequestState(1, { key: await generateStateKey(), ttlMs, binding })).rejects.toThrow(RangeError);
  });

  it('refuses a short secret', async () => {
    await expect(stateKeyFromSecret('short')).rejects.toThrow(/at least 32 bytes/);
  });

  it('maps every failure to -32602 with data.reason', () => {
    for (const reason of ['malformed', 'tampered', 'expired', 'foreign'] as const) {
      const error = requestStateError(reason);
      expect(error.code).toBe(ErrorCode.InvalidParams);
      expect(error.data).toEqual({ reason });
      expect(error.message).toMatch(/requestState/);
    }
  });
});

describe('paramsDigest', () => {
  it('ignores key order, requestState, inputResponses and _meta', async () => {
    const first = await paramsDigest({ name: 'book', arguments: { a: 1, b: [1, { y: 2, x: 1 }] } });
    const retry = await paramsDigest({
      arguments: { b: [1, { x: 1, y: 2 }], a: 1 },
      name: 'book',
      requestState: 'v1.xyz',
      inputResponses: { k: { action: 'accept' } },
      _meta: { progressToken: 9 },
    });
    expect(retry).toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differs when a salient param differs', async () => {
    const base = await paramsDigest({ name: 'book', arguments: { seats: 1 } });
    expect(await paramsDigest({ name: 'book', arguments: { seats: 2 } })).not.toBe(base);
    expect(await paramsDigest({ name: 'cancel', arguments: { seats: 1 } })).not.toBe(base);
    expect(await paramsDigest({ name: 'book', arguments: [1] })).not.toBe(
      await paramsDigest({ name: 'book', arguments: { 0: 1 } }),
    );
  });

  it('treats absent params as empty', async () => {
    expect(await paramsDigest(undefined)).toBe(await paramsDigest({}));
    expect(await paramsDigest({ _meta: {} })).toBe(await paramsDigest({}));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"f":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('é"')).toBe(JSON.stringify('é"'));
  });
});

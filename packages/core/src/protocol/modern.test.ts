import { describe, expect, test } from 'vitest';
import { ErrorCode } from '../errors/codes.js';
import { ProtocolError } from '../errors/errors.js';
import { claimsModern, META, readModernFacts, SUPPORTED_PROTOCOL_VERSIONS } from './modern.js';

const envelope = (meta: Record<string, unknown>) => ({ name: 'x', _meta: meta });
const good = { [META.protocolVersion]: '2026-07-28', [META.clientCapabilities]: {} };

describe('claimsModern', () => {
  test.each([
    [undefined, false],
    [{}, false],
    [{ _meta: {} }, false],
    [{ _meta: { progressToken: 1 } }, false],
    [{ _meta: 'x' }, false],
    [envelope({ [META.protocolVersion]: '2026-07-28' }), true],
    // Any claim decides the era, even a malformed one: it is then answered as malformed, never as legacy.
    [envelope({ [META.protocolVersion]: 42 }), true],
  ])('%j -> %s', (params, claims) => {
    expect(claimsModern(params)).toBe(claims);
  });
});

describe('readModernFacts', () => {
  test('reads the envelope into the request facts', () => {
    expect(
      readModernFacts(envelope({ ...good, [META.clientInfo]: { name: 'c', version: '1' }, [META.logLevel]: 'debug' })),
    ).toEqual({
      protocolVersion: '2026-07-28',
      clientInfo: { name: 'c', version: '1' },
      clientCapabilities: {},
      logLevel: 'debug',
    });
    expect(readModernFacts(envelope(good))).toMatchObject({ clientInfo: undefined, logLevel: undefined });
  });

  test.each([
    ['no version', { [META.clientCapabilities]: {} }, META.protocolVersion],
    ['a number for a version', { ...good, [META.protocolVersion]: 20260728 }, META.protocolVersion],
    ['no capabilities', { [META.protocolVersion]: '2026-07-28' }, META.clientCapabilities],
    ['capabilities as an array', { ...good, [META.clientCapabilities]: [] }, META.clientCapabilities],
    ['client info without a version', { ...good, [META.clientInfo]: { name: 'c' } }, META.clientInfo],
    ['an unknown log level', { ...good, [META.logLevel]: 'loud' }, META.logLevel],
  ])('a malformed envelope (%s) is -32602 naming the key', (_what, meta, key) => {
    const error = readModernFacts(envelope(meta));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: ErrorCode.InvalidParams, data: { key } });
    expect((error as ProtocolError).message).toContain(key);
  });

  test.each(['1900-01-01', '2025-11-25', '2026-07-29'])(
    'a revision not served as a modern one (%s) is -32022 listing what is supported',
    (requested) => {
      expect(readModernFacts(envelope({ ...good, [META.protocolVersion]: requested }))).toMatchObject({
        code: ErrorCode.UnsupportedProtocolVersion,
        data: { supported: [...SUPPORTED_PROTOCOL_VERSIONS], requested },
      });
    },
  );

  test('the supported list names the modern revision and every legacy one', () => {
    expect(SUPPORTED_PROTOCOL_VERSIONS).toEqual([
      '2026-07-28',
      '2025-11-25',
      '2025-06-18',
      '2025-03-26',
      '2024-11-05',
      '2024-10-07',
    ]);
  });
});

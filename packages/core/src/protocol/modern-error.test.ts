import { describe, expect, it } from 'vitest';
import { modernHttpStatus, REMOVED_MODERN_METHODS, toModernError } from './modern-error.js';

describe('toModernError', () => {
  it('turns resource not found into -32602 with data.uri', () => {
    expect(toModernError({ code: -32002, message: 'Resource not found' }, { uri: 'test://x' })).toEqual({
      code: -32602,
      message: 'Resource not found',
      data: { uri: 'test://x' },
    });
    expect(toModernError({ code: -32002, message: 'm', data: { uri: 'a://b', why: 1 } }, { uri: 'other' })).toEqual({
      code: -32602,
      message: 'm',
      data: { uri: 'a://b', why: 1 },
    });
  });

  it('never lets -32042 through', () => {
    const mapped = toModernError({ code: -32042, message: 'URL elicitation required', data: { elicitations: [] } });
    expect(mapped.code).toBe(-32603);
    expect(mapped.data).toEqual({ elicitations: [] });
  });

  it('passes other errors unchanged', () => {
    const error = { code: -32602, message: 'Unknown tool: x' };
    expect(toModernError(error)).toBe(error);
  });
});

describe('modernHttpStatus', () => {
  it.each([
    [-32601, 'gate', 404],
    [-32602, 'gate', 400],
    [-32020, 'gate', 400],
    [-32022, 'gate', 400],
    [-32700, 'gate', 400],
    [-32021, 'gate', 400],
    [-32021, 'handler', 400],
    [-32602, 'handler', 200],
    [-32603, 'handler', 200],
    [-32601, 'handler', 200],
  ] as const)('%i from %s is HTTP %i', (code, origin, status) => {
    expect(modernHttpStatus(code, origin)).toBe(status);
  });
});

describe('REMOVED_MODERN_METHODS', () => {
  it('holds the handshake, ping, setLevel and subscribe/unsubscribe', () => {
    for (const method of ['initialize', 'ping', 'logging/setLevel', 'resources/subscribe', 'resources/unsubscribe']) {
      expect(REMOVED_MODERN_METHODS.has(method)).toBe(true);
    }
    expect(REMOVED_MODERN_METHODS.has('tools/call')).toBe(false);
  });
});

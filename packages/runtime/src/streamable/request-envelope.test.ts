import { describe, expect, it } from 'vitest';
import { readEnvelope } from './request-envelope.js';

const V = 'io.modelcontextprotocol/protocolVersion';
const C = 'io.modelcontextprotocol/clientCapabilities';

describe('readEnvelope', () => {
  it('reads the required and optional keys', () => {
    expect(readEnvelope({ [V]: '2026-07-28', [C]: { sampling: {} } })).toEqual({
      ok: true,
      envelope: {
        protocolVersion: '2026-07-28',
        clientCapabilities: { sampling: {} },
        clientInfo: undefined,
        logLevel: undefined,
      },
    });
    expect(
      readEnvelope({
        [V]: '2026-07-28',
        [C]: {},
        'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1', title: 'C' },
        'io.modelcontextprotocol/logLevel': 'debug',
      }),
    ).toMatchObject({ ok: true, envelope: { clientInfo: { name: 'c', version: '1', title: 'C' }, logLevel: 'debug' } });
  });

  it.each([
    [{}, V, 'missing'],
    [{ [V]: '' }, V, 'malformed'],
    [{ [V]: null }, V, 'malformed'],
    [{ [V]: '2026-07-28' }, C, 'missing'],
    [{ [V]: '2026-07-28', [C]: [] }, C, 'malformed'],
    [{ [V]: '2026-07-28', [C]: null }, C, 'malformed'],
    [
      { [V]: '2026-07-28', [C]: {}, 'io.modelcontextprotocol/clientInfo': 'me' },
      'io.modelcontextprotocol/clientInfo',
      'malformed',
    ],
    [
      { [V]: '2026-07-28', [C]: {}, 'io.modelcontextprotocol/clientInfo': { name: 'c' } },
      'io.modelcontextprotocol/clientInfo',
      'malformed',
    ],
    [
      { [V]: '2026-07-28', [C]: {}, 'io.modelcontextprotocol/logLevel': 'INFO' },
      'io.modelcontextprotocol/logLevel',
      'malformed',
    ],
  ])('names the first bad key of %j', (meta, key, problem) => {
    expect(readEnvelope(meta)).toMatchObject({ ok: false, key, problem });
  });
});

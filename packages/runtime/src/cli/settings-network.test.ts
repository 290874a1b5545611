import { describe, expect, it } from 'vitest';
import { resolveRunSettings } from './settings.js';

describe('resolveRunSettings: network flags and session limits', () => {
  it('implies http when a network flag is given without a transport', () => {
    expect(resolveRunSettings({ port: '0' }, {}).transport).toBe('http');
    expect(resolveRunSettings({ stateless: true }, {}).transport).toBe('http');
    expect(resolveRunSettings({ port: '0', transport: 'sse' }, {}).transport).toBe('sse');
    // Ambient variables do not switch transports: MCPKIT_PORT alone still serves stdio.
    expect(resolveRunSettings({}, { MCPKIT_PORT: '8080' }).transport).toBe('stdio');
  });

  it('rejects network flags with an explicit stdio transport', () => {
    expect(() => resolveRunSettings({ port: '1', transport: 'stdio' }, {})).toThrow(/--port applies only/);
    expect(() => resolveRunSettings({ host: '::1' }, { MCPKIT_TRANSPORT: 'stdio' })).toThrow(/MCPKIT_TRANSPORT=stdio/);
  });

  it('reads --session-ttl as a duration and --max-sessions as a count, from flags or variables', () => {
    expect(resolveRunSettings({ 'session-ttl': '90', 'max-sessions': '4' }, {})).toMatchObject({
      transport: 'http',
      sessionTtlMs: 90_000,
      maxSessions: 4,
    });
    for (const [text, ms] of [
      ['500ms', 500],
      ['15m', 900_000],
      ['1.5h', 5_400_000],
      ['2s', 2000],
    ] as const) {
      expect(resolveRunSettings({ transport: 'http', 'session-ttl': text }, {}).sessionTtlMs).toBe(ms);
    }
    expect(
      resolveRunSettings({ transport: 'http' }, { MCPKIT_SESSION_TTL: '5m', MCPKIT_MAX_SESSIONS: '2' }),
    ).toMatchObject({ sessionTtlMs: 300_000, maxSessions: 2 });
  });

  it('rejects bad durations and counts, naming their source', () => {
    expect(() => resolveRunSettings({ 'session-ttl': 'soon' }, {})).toThrow(/--session-ttl must be a duration/);
    expect(() => resolveRunSettings({ 'session-ttl': '0' }, {})).toThrow(/--session-ttl/);
    expect(() => resolveRunSettings({ transport: 'http' }, { MCPKIT_MAX_SESSIONS: '0' })).toThrow(
      /MCPKIT_MAX_SESSIONS must be a whole number/,
    );
    expect(() => resolveRunSettings({ 'max-sessions': '1.5' }, {})).toThrow(/--max-sessions/);
  });
});

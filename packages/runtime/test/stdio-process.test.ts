/**
 * Byte-level stdio behaviour of the demo server in a child process: raw lines
 * in, raw lines out, exit on stdin close and on signals.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type RawChild, spawnRaw } from './fixtures/spawn-stdio.js';

const initialize = (id: number, protocolVersion: string) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});
const byId = (id: unknown) => (message: Record<string, unknown>) => message.id === id && !('method' in message);

describe('stdio child process, raw', () => {
  let child: RawChild | undefined;
  afterEach(() => {
    child?.kill();
    child = undefined;
  });

  it.each([
    ['2025-03-26', '2025-03-26'],
    ['2024-11-05', '2024-11-05'],
    ['2025-06-18', '2025-06-18'],
    ['1990-01-01', '2025-11-25'],
  ])('answers initialize for %s with %s', async (requested, answered) => {
    child = spawnRaw();
    child.send(initialize(1, requested));
    expect(await child.next(byId(1))).toMatchObject({ result: { protocolVersion: answered } });
  });

  it('answers a malformed line with -32700 and keeps serving', async () => {
    child = spawnRaw();
    child.send('{"jsonrpc": "2.0", "id": 1, "method": ');
    expect(await child.next(byId(null))).toMatchObject({ id: null, error: { code: -32700 } });
    child.send(initialize(2, '2025-06-18'));
    expect(await child.next(byId(2))).toHaveProperty('result');
    child.send('not json at all');
    child.send({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'still here' } },
    });
    expect(await child.next(byId(3))).toMatchObject({ result: { content: [{ type: 'text', text: 'still here' }] } });
    expect(child.lines().filter((line) => line.includes('-32700'))).toHaveLength(2);
  });

  it('refuses requests before initialize, but answers ping', async () => {
    child = spawnRaw();
    child.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(await child.next(byId(1))).toMatchObject({ error: { code: -32600 } });
    child.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
    expect(await child.next(byId(2))).toMatchObject({ result: {} });
  });

  it('writes nothing but JSON-RPC to stdout; console output goes to stderr', async () => {
    child = spawnRaw();
    child.send(initialize(1, '2025-06-18'));
    await child.next(byId(1));
    child.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    child.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'noisy' } });
    child.send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'log_and_progress', arguments: {} } });
    await child.next(byId(2));
    await child.next(byId(3));
    child.child.stdin.end();
    expect(await child.exited).toBe(0);
    for (const line of child.lines()) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(child.lines().some((line) => line.includes('notifications/message'))).toBe(true);
    // No progress token was sent, so no progress notification either.
    expect(child.lines().some((line) => line.includes('notifications/progress'))).toBe(false);
    expect(child.stderr()).toContain('noise from console.log');
  });

  it('suppresses the response of a cancelled request and exits cleanly when stdin closes', async () => {
    child = spawnRaw();
    child.send(initialize(1, '2025-06-18'));
    await child.next(byId(1));
    child.send({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'slow', _meta: { progressToken: 'p' } },
    });
    await child.next((m) => m.method === 'notifications/progress');
    child.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2, reason: 'test' } });
    child.send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'session_info' } });
    expect(await child.next(byId(3))).toMatchObject({
      result: { structuredContent: { state: { 'slow.aborts': 1 } } },
    });
    child.child.stdin.end();
    expect(await child.exited).toBe(0);
    expect(child.lines().some((line) => JSON.parse(line).id === 2)).toBe(false);
    expect(child.stderr()).toMatch(/lifespan: started[\s\S]*lifespan: stopped/);
  });

  it('closes an in-flight request when stdin closes, still exiting cleanly', async () => {
    child = spawnRaw();
    child.send(initialize(1, '2025-06-18'));
    await child.next(byId(1));
    child.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'slow', _meta: { progressToken: 1 } } });
    await child.next((m) => m.method === 'notifications/progress');
    child.child.stdin.end();
    expect(await child.exited).toBe(0);
    expect(child.stderr()).toContain('lifespan: stopped');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('shuts down on %s, stopping the lifespan', async (signal) => {
    child = spawnRaw();
    child.send(initialize(1, '2025-06-18'));
    await child.next(byId(1));
    child.child.kill(signal);
    expect(await child.exited).toBe(0);
    expect(child.stderr()).toContain('lifespan: stopped');
  });
});

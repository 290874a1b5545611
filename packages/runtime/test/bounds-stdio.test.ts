/**
 * Bounds of the stdio transport, through a real child process: a client that
 * closes its end of stdout (EPIPE) and lines of any length.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type RawChild, spawnRaw } from './fixtures/spawn-stdio.js';

const initialize = (id: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});
const byId = (id: unknown) => (message: Record<string, unknown>) => message.id === id && !('method' in message);

describe('bounds: stdio', () => {
  let child: RawChild | undefined;
  afterEach(() => {
    child?.kill();
    child = undefined;
  });

  it('treats a client that closes stdout and leaves (EPIPE) as gone: exits 0 after the lifespan close()', async () => {
    child = spawnRaw();
    child.send(initialize(1));
    await child.next(byId(1));
    // The client stops reading and leaves with requests in flight: the answers
    // the server still flushes while shutting down meet a closed pipe.
    child.child.stdout.destroy();
    const pings = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ jsonrpc: '2.0', id: i + 2, method: 'ping' }));
    child.child.stdin.end(`${pings.join('\n')}\n`);
    expect(await child.exited).toBe(0);
    expect(child.stderr()).toContain('lifespan: stopped');
    expect(child.stderr()).not.toMatch(/EPIPE|Unhandled|unexpected error/);
  });

  it('treats EPIPE while serving (stdin still open) as the client leaving', async () => {
    child = spawnRaw();
    child.send(initialize(1));
    await child.next(byId(1));
    child.child.stdout.destroy();
    for (let id = 2; id < 40; id++) child.send({ jsonrpc: '2.0', id, method: 'ping' });
    expect(await child.exited).toBe(0);
    expect(child.stderr()).toContain('lifespan: stopped');
    expect(child.stderr()).not.toMatch(/EPIPE|Unhandled|unexpected error/);
  });

  it('answers a line over maxLineBytes (default 4 MiB) with -32600, drops it and keeps serving', async () => {
    child = spawnRaw();
    child.send(initialize(1));
    await child.next(byId(1));
    // A valid request just over the cap, in many writes: refused, not parsed.
    const text = 'x'.repeat(4 * 1024 * 1024);
    const call = `${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'echo', arguments: { text } } })}\n`;
    for (let at = 0; at < call.length; at += 65_536) child.child.stdin.write(call.slice(at, at + 65_536));
    child.send({ jsonrpc: '2.0', id: 3, method: 'ping' });
    expect(await child.next(byId(null))).toMatchObject({
      id: null,
      error: { code: -32600, message: expect.stringContaining('4194304 bytes') },
    });
    expect(await child.next(byId(3))).toMatchObject({ result: {} });
    // Just under the cap still goes through.
    const under = 'y'.repeat(4 * 1024 * 1024 - 200);
    child.send({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'echo', arguments: { text: under } } });
    const echoed = await child.next(byId(4));
    expect((echoed.result as { content: { text: string }[] }).content[0]?.text).toHaveLength(under.length);
    expect(child.lines().some((line) => line.includes('"id":2'))).toBe(false);
  });
});

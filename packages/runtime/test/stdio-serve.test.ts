/** serve() and serveStdio() in-process, over PassThrough streams: lifespan, close, errors. */
import { PassThrough } from 'node:stream';
import { createServer, hooks, tool } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { lifespanOf, serve } from '../src/index.js';
import { serveStdio } from '../src/stdio/index.js';
import { COUNTER_URI, createDemoServer } from './fixtures/demo-server.js';

/** A pair of streams standing in for stdin/stdout, with a reader for the output lines. */
const pipes = () => {
  const input = new PassThrough();
  const output = new PassThrough();
  const messages: Record<string, unknown>[] = [];
  const waiters: [(m: Record<string, unknown>) => boolean, (m: Record<string, unknown>) => void][] = [];
  let buffer = '';
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let i = buffer.indexOf('\n'); i !== -1; i = buffer.indexOf('\n')) {
      const message = JSON.parse(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
      messages.push(message);
      const w = waiters.findIndex(([p]) => p(message));
      if (w !== -1) waiters.splice(w, 1)[0]?.[1](message);
    }
  });
  const next = (predicate: (m: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const found = messages.find(predicate);
      if (found) resolve(found);
      else waiters.push([predicate, resolve]);
    });
  const send = (message: unknown) => input.write(`${JSON.stringify(message)}\n`);
  const initialize = async () => {
    send({
      jsonrpc: '2.0',
      id: 'init',
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {} },
    });
    return next((m) => m.id === 'init');
  };
  return { input, output, messages, next, send, initialize };
};

describe('serve() over stdio', () => {
  it('runs the lifespan once, exposes it to handlers, and stops it when stdin ends', async () => {
    const events: string[] = [];
    const server = createServer({ name: 's', version: '1' }, [
      tool({ name: 'db', run: (_a, ctx) => lifespanOf<{ db: string }>(ctx).db }),
    ]);
    const io = pipes();
    const handle = await serve(server, {
      transport: 'stdio',
      input: io.input,
      output: io.output,
      lifespan: async () => {
        events.push('start');
        return { value: { db: 'pool-1' }, close: async () => void events.push('stop') };
      },
    });
    expect(handle.transport).toBe('stdio');
    expect(handle.url).toBeUndefined();
    await io.initialize();
    io.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'db' } });
    expect(await io.next((m) => m.id === 1)).toMatchObject({ result: { content: [{ text: 'pool-1' }] } });
    expect(events).toEqual(['start']);
    io.input.end();
    await handle.closed;
    expect(events).toEqual(['start', 'stop']);
    expect(handle.hub.sessions.size).toBe(0);
    await handle.close();
    expect(events).toEqual(['start', 'stop']);
  });

  it('pushes resource updates through the handle to a subscribed stdio client', async () => {
    const io = pipes();
    const handle = await serve(createDemoServer(), { input: io.input, output: io.output });
    try {
      await io.initialize();
      io.send({ jsonrpc: '2.0', id: 1, method: 'resources/subscribe', params: { uri: COUNTER_URI } });
      await io.next((m) => m.id === 1);
      handle.resourceUpdated(COUNTER_URI);
      expect(await io.next((m) => m.method === 'notifications/resources/updated')).toEqual({
        jsonrpc: '2.0',
        method: 'notifications/resources/updated',
        params: { uri: COUNTER_URI },
      });
    } finally {
      await handle.close();
    }
  });

  it('fails with a clear error when the lifespan cannot start, and serves nothing', async () => {
    const io = pipes();
    const started = serve(createDemoServer(), {
      input: io.input,
      output: io.output,
      lifespan: () => {
        throw new Error('database down');
      },
    });
    await expect(started).rejects.toThrow(/lifespan hook failed to start: database down/);
    expect(io.input.listenerCount('data')).toBe(0);
  });

  it('rejects an unknown transport and stops the lifespan it started', async () => {
    const events: string[] = [];
    const started = serve(createDemoServer(), {
      // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong
      transport: 'carrier-pigeon' as any,
      lifespan: () => ({ value: 1, close: () => void events.push('stop') }),
    });
    await expect(started).rejects.toThrow(/unknown transport "carrier-pigeon"/);
    expect(events).toEqual(['stop']);
  });
});

describe('serveStdio()', () => {
  it('answers concurrent requests in completion order and closes in-flight work on close()', async () => {
    const io = pipes();
    const running = await serveStdio(createDemoServer(), { input: io.input, output: io.output });
    await io.initialize();
    io.send({ jsonrpc: '2.0', id: 'slow', method: 'tools/call', params: { name: 'slow' } });
    io.send({ jsonrpc: '2.0', id: 'fast', method: 'tools/call', params: { name: 'echo', arguments: { text: 'x' } } });
    await io.next((m) => m.id === 'fast');
    expect(io.messages.some((m) => m.id === 'slow')).toBe(false);
    await running.close();
    await running.closed;
    await running.close();
    // The slow call was aborted by close and never answered.
    expect(io.messages.some((m) => m.id === 'slow')).toBe(false);
    expect(io.input.listenerCount('data')).toBe(0);
  });

  it('writes what finishes in one turn with one write, each message after what its handler sent before it', async () => {
    const io = pipes();
    let writes = 0;
    io.output.on('data', () => void writes++);
    const running = await serveStdio(createDemoServer(), { input: io.input, output: io.output });
    try {
      await io.initialize();
      await io.next((m) => m.id === 'init');
      const before = { writes, messages: io.messages.length };
      const lines = Array.from({ length: 16 }, (_, i) =>
        i % 2 === 0
          ? {
              jsonrpc: '2.0',
              id: i,
              method: 'tools/call',
              params: { name: 'log_and_progress', arguments: { steps: 2 }, _meta: { progressToken: `p${i}` } },
            }
          : { jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: 'echo', arguments: { text: `t${i}` } } },
      );
      io.input.write(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
      await Promise.all(lines.map((line) => io.next((m) => m.id === line.id && 'result' in m)));
      const batch = io.messages.slice(before.messages);
      // 8 × (info log, 2 progress, error log, answer) + 8 answers, none lost, none duplicated.
      expect(batch).toHaveLength(48);
      for (let i = 0; i < 16; i += 2) {
        const own = batch.filter(
          (m) => m.id === i || (m.params as { progressToken?: string })?.progressToken === `p${i}`,
        );
        expect(own.map((m) => (m.id === i ? 'answer' : (m.params as { progress: number }).progress))).toEqual([
          1,
          2,
          'answer',
        ]);
      }
      // One write for all of them, not one per message.
      expect(writes - before.writes).toBeLessThanOrEqual(2);
    } finally {
      await running.close();
    }
  });

  it('still writes what was queued when it closes in the same turn, and nothing after', async () => {
    const input = new PassThrough();
    const output = new PassThrough(); // paused: what was written can be read at once
    const running = await serveStdio(createDemoServer(), { input, output });
    let atClose = '';
    // Runs right after the server read the line and queued its parse error, before any flush.
    input.on('data', () => {
      void running.close();
      atClose = String(output.read() ?? '');
    });
    input.write('not json\n');
    await running.closed;
    expect(JSON.parse(atClose)).toMatchObject({ id: null, error: { code: -32700 } });
    // Closed: a later line is neither read nor answered.
    input.write('still not json\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(output.read()).toBeNull();
  });

  it('stops serving, without an uncaught error, when writing to the output throws', async () => {
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), {
      write: () => {
        throw new Error('broken pipe');
      },
    });
    const running = await serveStdio(createDemoServer(), { input, output });
    input.write('{"jsonrpc":"2.0","id":1,"method":"ping"}\n');
    await running.closed;
    expect(running.hub.sessions.size).toBe(0);
    expect(input.listenerCount('data')).toBe(0);
  });

  it('serves requests written right behind initialize, before its answer, once initialize is answered', async () => {
    // Initialize takes a while (a middleware awaits); the client does not wait for its answer.
    const slowInitialize = hooks({
      initialize: async (_params, _ctx, next) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return next();
      },
    });
    const server = createServer({ name: 's', version: '1' }, [tool({ name: 'hi', run: () => 'hello' })], {
      middleware: [slowInitialize],
    });
    const io = pipes();
    const running = await serveStdio(server, { input: io.input, output: io.output });
    const init = { protocolVersion: '2025-06-18', capabilities: {} };
    io.input.write(
      [
        { jsonrpc: '2.0', id: 1, method: 'initialize', params: init },
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { jsonrpc: '2.0', id: 2, method: 'tools/list' },
        { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'hi' } },
      ]
        .map((m) => `${JSON.stringify(m)}\n`)
        .join(''),
    );
    expect(await io.next((m) => m.id === 2)).toMatchObject({ result: { tools: [{ name: 'hi' }] } });
    expect(await io.next((m) => m.id === 3)).toMatchObject({ result: { content: [{ type: 'text', text: 'hello' }] } });
    expect(await io.next((m) => m.id === 1)).toMatchObject({ result: { protocolVersion: '2025-06-18' } });
    await running.close();
  });

  it('answers a JSON array (a batch) and a bare value with InvalidRequest', async () => {
    const io = pipes();
    const running = await serveStdio(createDemoServer(), { input: io.input, output: io.output });
    try {
      io.input.write('[{"jsonrpc":"2.0","id":1,"method":"ping"}]\n');
      io.input.write('42\r\n');
      await io.next((m) => (m.error as { code?: number } | undefined)?.code === -32600);
      await new Promise((resolve) => setImmediate(resolve));
      expect(io.messages.filter((m) => (m.error as { code: number }).code === -32600)).toHaveLength(2);
    } finally {
      await running.close();
    }
  });
});

/**
 * The throwaway sessions of stateless and 2026-07-28 requests: not listed
 * among the hub's standing sessions, yet closing the server still ends the
 * handlers they run (ctx.signal aborts).
 */
import { createServer, tool } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { hubOf } from '../src/index.js';
import { createCleanup, post, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const MODERN = '2026-07-28';

/** A server with `wait` (runs until its signal aborts) and `quick`; `started` counts the `wait` calls begun. */
const waitingServer = () => {
  const aborted: string[] = [];
  /** The hub's standing sessions as each `wait` call began. */
  const standing: number[] = [];
  let started = 0;
  const server = createServer({ name: 'waiting', version: '1.0.0' }, [
    tool({
      name: 'wait',
      run: (_args, ctx) =>
        new Promise<string>((_resolve, reject) => {
          started += 1;
          standing.push(hubOf(ctx).sessions.size);
          ctx.signal.addEventListener('abort', () => {
            aborted.push(String(ctx.requestId));
            reject(ctx.signal.reason);
          });
        }),
    }),
    tool({ name: 'quick', run: () => 'ok' }),
  ]);
  return { server, aborted, standing, started: () => started };
};

const call = (id: number, name: string, modern = false) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: {
    name,
    ...(modern
      ? {
          _meta: {
            'io.modelcontextprotocol/protocolVersion': MODERN,
            'io.modelcontextprotocol/clientCapabilities': {},
          },
        }
      : {}),
  },
});
const modernHeaders = (name: string) => ({
  'mcp-protocol-version': MODERN,
  'mcp-method': 'tools/call',
  'mcp-name': name,
});
const legacyHeaders = { 'mcp-protocol-version': '2025-11-25' };

describe('throwaway sessions', () => {
  it.each([
    ['a 2025 stateless request', true, false],
    ['a 2026-07-28 request on a stateful endpoint', false, true],
    ['a 2026-07-28 request on a stateless endpoint', true, true],
  ])('%s is no standing session, and closing the server aborts its handler', async (_name, stateless, modern) => {
    const { server, aborted, standing, started } = waitingServer();
    const running = await startHttp(cleanup, { stateless, json: true }, server);
    const answer = post(running.url, call(7, 'wait', modern), modern ? modernHeaders('wait') : legacyHeaders).catch(
      (error: unknown) => error,
    );
    await expect.poll(started).toBe(1);
    expect(standing).toEqual([0]);
    await running.close();
    expect(aborted).toEqual(['7']);
    await answer;
  });

  it('closing ends every request still running, after others came and went', async () => {
    const { server, aborted, started } = waitingServer();
    const running = await startHttp(cleanup, { stateless: true, json: true }, server);
    const waiting = [11, 12, 13, 14].map((id) =>
      post(running.url, call(id, 'wait', id % 2 === 0), id % 2 === 0 ? modernHeaders('wait') : legacyHeaders).catch(
        (error: unknown) => error,
      ),
    );
    await expect.poll(started).toBe(4);
    // Sessions finishing in between (each leaves the hub's list) must not lose track of the ones still running.
    for (let id = 1; id <= 5; id++) {
      const response = await post(
        running.url,
        call(id, 'quick', id % 2 === 0),
        id % 2 === 0 ? modernHeaders('quick') : legacyHeaders,
      );
      expect(response.status).toBe(200);
    }
    await running.close();
    expect(aborted.sort()).toEqual(['11', '12', '13', '14']);
    await Promise.all(waiting);
  });
});

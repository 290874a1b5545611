import { createInterface } from 'node:readline';
import { INITIALIZE } from './mcp-http.js';
import type { RunningChild } from './spawn-server.js';

interface Answer {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: { message?: string };
}

/** A tiny newline-delimited JSON-RPC client over a child's stdin/stdout. */
export interface StdioClient {
  /** Sends one request; resolves with its result, rejects on a JSON-RPC error. */
  readonly request: (method: string, params?: object) => Promise<unknown>;
}

/** Connects to a stdio server child and runs the initialize handshake. */
export const connectStdio = async (server: RunningChild): Promise<StdioClient> => {
  const { stdin, stdout } = server.child;
  if (!stdin || !stdout) throw new Error('child has no pipes');
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const exited = new Promise<never>((_, reject) =>
    server.child.once('exit', (code) => reject(new Error(`stdio server exited with ${code}`))),
  );
  exited.catch(() => {});
  createInterface({ input: stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    const answer = JSON.parse(line) as Answer;
    const waiter = pending.get(answer.id);
    if (!waiter) return; // a notification or a request from the server: ignored
    pending.delete(answer.id);
    if (answer.error) waiter.reject(new Error(answer.error.message ?? 'JSON-RPC error'));
    else waiter.resolve(answer.result);
  });
  const request = (method: string, params?: object): Promise<unknown> => {
    const id = ++nextId;
    const answer = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    return Promise.race([answer, exited]);
  };
  await request(INITIALIZE.method, INITIALIZE.params);
  stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  return { request };
};

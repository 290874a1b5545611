import { ErrorCode, encodeMessage, failure, type Server } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { claimStdio } from '../cli/stdio-guard.js';
import { type RuntimeOptions, startRuntime } from '../lifespan/start-runtime.js';
import type { SessionHub } from '../session/hub.js';

import type { Session } from '../session/types.js';
import { createBatchedWriter } from './batched-writer.js';
import { createLineSplitter } from './line-splitter.js';
import { redirectConsole } from './redirect-console.js';

/** Options of {@link serveStdio}. */
export interface StdioOptions<T = unknown> extends RuntimeOptions<T> {
  /** Where messages come from; `process.stdin` by default. */
  readonly input?: NodeJS.ReadableStream;
  /** Where messages go; `process.stdout` by default. Nothing else is ever written to it. */
  readonly output?: NodeJS.WritableStream;
  /** Close on SIGINT and SIGTERM. Default true when serving the process's own stdio. */
  readonly handleSignals?: boolean;
  /**
   * Longest message line accepted, in bytes. A longer line is discarded as it
   * arrives (never held whole) and answered with a -32600 error whose id is
   * null; the connection stays open. Default 4 MiB, like HTTP's `maxBodyBytes`.
   */
  readonly maxLineBytes?: number;
}

/** Default `maxLineBytes`: 4 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

/** A server running over stdio. */
export interface StdioServer {
  readonly hub: SessionHub;
  /** The one session of this connection. */
  readonly session: Session;
  /** Tells subscribed clients that `uri` changed. */
  readonly resourceUpdated: (uri: string) => void;
  /** Stops reading, closes the session and stops the lifespan. Idempotent. */
  readonly close: () => Promise<void>;
  /** Resolves once the server closed (stdin ended, a signal, or `close()`). */
  readonly closed: Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const ignore = () => {};
const EXIT_GRACE_MS = 2000;

/**
 * Serves `server` over newline-delimited JSON-RPC on stdin/stdout. Requests
 * run concurrently; unparsable lines get a -32700 error and serving goes on.
 * Ends when stdin closes or on SIGINT/SIGTERM. Only protocol messages reach
 * stdout: while serving, `console.log` and friends are redirected to stderr.
 *
 * @example
 * import { serveStdio } from '@mcpkit/runtime/stdio';
 * await serveStdio(server);
 */
export const serveStdio = async <T = unknown>(server: Server, options: StdioOptions<T> = {}): Promise<StdioServer> => {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const ownStdio = input === process.stdin && output === process.stdout;
  if (ownStdio) claimStdio(); // under the mcpkit CLI, refuses a second stdio server in the process
  const runtime = await startRuntime(server, options);
  const session = runtime.hub.createSession();
  const restoreConsole = output === process.stdout ? redirectConsole() : () => {};

  let open = true;
  // Messages finished in the same turn share one write; see batched-writer.ts.
  // A failing output ends serving, as its 'error' event does.
  const writer = createBatchedWriter(output, () => onEnd());
  const write = (message: JSONRPCMessage | object) => {
    if (open) writer.write(`${encodeMessage(message)}\n`);
  };
  // The only channel: messages a request sends while it runs take it too, so
  // `receive` gets no per-request `related` sender.
  session.setChannel(write);
  const answer = (response: object | undefined) => {
    if (response) write(response);
  };
  const fail = (error: unknown) =>
    process.stderr.write(`mcpkit stdio: unexpected error: ${(error as Error)?.stack ?? error}\n`);

  const onLine = (line: string) => {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch (error) {
      write(failure(null, ErrorCode.ParseError, `Parse error: ${(error as Error).message}`));
      return;
    }
    // Not awaited: requests run concurrently and answer in completion order.
    session.receive(message as JSONRPCMessage).then(answer, fail);
  };
  const splitter = createLineSplitter(onLine, {
    maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    onOversized: (max) =>
      write(failure(null, ErrorCode.InvalidRequest, `Message too large: lines are limited to ${max} bytes`)),
  });

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onEnd);
      // Answers flushed below may meet a pipe the client already closed (EPIPE):
      // the client left, which is what closing is for, so that error is not a crash.
      output.off?.('error', onEnd);
      output.on?.('error', ignore);
      for (const signal of SIGNALS) process.off(signal, onSignal);
      session.close();
      // What is already answered still goes out, in order; nothing after it.
      writer.flush();
      open = false;
      if (flushOnExit) process.off('exit', writer.flush);
      await runtime.stop();
      restoreConsole();
      // Our own stdin would keep the process alive; another stream is the caller's to end.
      if (input === process.stdin) process.stdin.pause();
      resolveClosed();
    })();
    return closing;
  };

  const onData = (chunk: Uint8Array | string) => splitter.push(chunk);
  const onEnd = () => {
    splitter.end();
    void close();
  };
  const onSignal = () => {
    // We took over SIGINT/SIGTERM, so we must end the process: naturally once
    // closed, or after a grace period if app code left handles open.
    void close().then(() => setTimeout(() => process.exit(), EXIT_GRACE_MS).unref());
  };
  // A handler calling process.exit() must not lose answers queued for stdout in this turn.
  const flushOnExit = output === process.stdout;
  if (flushOnExit) process.on('exit', writer.flush);
  input.on('data', onData);
  input.once('end', onEnd);
  input.once('error', onEnd);
  output.on?.('error', onEnd);
  if (options.handleSignals ?? ownStdio) for (const signal of SIGNALS) process.on(signal, onSignal);

  return { hub: runtime.hub, session, resourceUpdated: runtime.hub.resourceUpdated, close, closed };
};

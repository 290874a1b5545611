import type { Server } from '@mcpkit/core';
import type { StdioOptions } from '../stdio/serve-stdio.js';

/**
 * A client that speaks MCP over a transport it is handed: the SDK v1
 * `Client`, the SDK v2 `Client` of `@modelcontextprotocol/client` (which can
 * negotiate the 2026-07-28 era), or any client with the same two methods.
 */
export interface TransportClient {
  /** Starts the transport and runs the client's handshake over it. */
  readonly connect: (transport: never) => Promise<void>;
  /** Closes the client and its transport. */
  readonly close: () => Promise<void>;
}

/** Options of {@link connectClient}: those of `serveStdio` (lifespan, limits, …), minus its streams. */
export type ConnectClientOptions<T = unknown> = Omit<StdioOptions<T>, 'input' | 'output' | 'handleSignals'>;

/** A client connected by {@link connectClient}. */
export interface ClientConnection<C extends TransportClient> {
  /** The client given, connected (its handshake done). */
  readonly client: C;
  /** Closes the client, then the server side and its lifespan. Idempotent. */
  readonly close: () => Promise<void>;
  readonly [Symbol.asyncDispose]: () => Promise<void>;
}

/** The message shape a transport carries (each client has its own JSON-RPC types). */
type Message = Record<string, unknown>;

/**
 * Connects a client you made to `server` in memory, through the same session
 * layer `mcpkit run` serves over stdio: newline-delimited JSON-RPC on
 * in-memory streams, so every era that layer serves is reachable. With the SDK
 * v2 client pinned to `2026-07-28` that is the modern era (discovery, no
 * initialize, input-required rounds for elicitation and sampling); with the
 * SDK v1 client, the 2025 era. The server's lifespan starts first and stops on
 * `close()`. For the SDK v1 client with its handlers built in, `connect()` is
 * shorter.
 *
 * @example
 * import { Client } from '@modelcontextprotocol/client';
 * const client = new Client({ name: 'test', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
 * await using connection = await connectClient(server, client);
 * const result = await connection.client.callTool({ name: 'add', arguments: { a: 1, b: 2 } });
 */
export const connectClient = async <C extends TransportClient, T = unknown>(
  server: Server,
  client: C,
  options: ConnectClientOptions<T> = {},
): Promise<ClientConnection<C>> => {
  // Loaded on use: the main entry imports no node:* module at load time.
  const [{ PassThrough }, { serveStdio }] = await Promise.all([
    import('node:stream'),
    import('../stdio/serve-stdio.js'),
  ]);
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const running = await serveStdio(server, { ...options, input: toServer, output: fromServer, handleSignals: false });

  let closed = false;
  const transport = {
    onmessage: undefined as ((message: Message) => void) | undefined,
    onclose: undefined as (() => void) | undefined,
    onerror: undefined as ((error: Error) => void) | undefined,
    start: async () => {
      let buffer = '';
      fromServer.setEncoding('utf8');
      fromServer.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n')) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 1);
          if (line.trim() === '') continue;
          try {
            transport.onmessage?.(JSON.parse(line) as Message);
          } catch (error) {
            transport.onerror?.(error as Error);
          }
        }
      });
    },
    send: async (message: Message) => {
      if (closed) throw new Error('connectClient: the connection is closed');
      toServer.write(`${JSON.stringify(message)}\n`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      toServer.end();
      await running.close();
      transport.onclose?.();
    },
  };

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await client.close().catch(() => {});
      await transport.close();
    })();
    return closing;
  };
  try {
    await client.connect(transport as never);
  } catch (error) {
    await close();
    throw error;
  }
  return { client, close, [Symbol.asyncDispose]: close };
};

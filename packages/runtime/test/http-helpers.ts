/**
 * Helpers for the HTTP and SSE transport tests: start servers on 127.0.0.1:0,
 * connect SDK clients, and speak raw HTTP where a test needs exact control.
 */
import type { Server } from '@mcpkit/core';
import { Client, type ClientOptions } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { type RunningServer, type ServeHttpOptions, type ServeSseOptions, serveHttp, serveSse } from '../src/index.js';
import { createDemoServer } from './fixtures/demo-server.js';

/** Things to close after each test, newest first. */
export const createCleanup = () => {
  const closers: (() => Promise<unknown> | unknown)[] = [];
  return {
    add: <T>(closer: () => Promise<unknown> | unknown, value?: T) => {
      closers.push(closer);
      return value as T;
    },
    run: async () => {
      for (const close of closers.splice(0).reverse()) await Promise.resolve(close()).catch(() => {});
    },
  };
};

export type Cleanup = ReturnType<typeof createCleanup>;

/** Serves the demo server (or `server`) over Streamable HTTP on an ephemeral port. */
export const startHttp = async (
  cleanup: Cleanup,
  options: ServeHttpOptions = {},
  server: Server = createDemoServer(),
): Promise<RunningServer> => {
  const running = await serveHttp(server, { port: 0, ...options });
  cleanup.add(running.close);
  return running;
};

/** Serves the demo server (or `server`) over legacy SSE on an ephemeral port. */
export const startSse = async (
  cleanup: Cleanup,
  options: ServeSseOptions = {},
  server: Server = createDemoServer(),
): Promise<RunningServer> => {
  const running = await serveSse(server, { port: 0, ...options });
  cleanup.add(running.close);
  return running;
};

/** An SDK client connected over Streamable HTTP. */
export const connectHttp = async (
  cleanup: Cleanup,
  url: string,
  options: ClientOptions = {},
): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> => {
  const transport = new StreamableHTTPClientTransport(new URL(url));
  const client = new Client({ name: 'http-test', version: '1.0.0' }, options);
  cleanup.add(() => client.close());
  await client.connect(transport);
  return { client, transport };
};

/** An SDK client connected over legacy SSE. */
export const connectSse = async (cleanup: Cleanup, url: string, options: ClientOptions = {}): Promise<Client> => {
  const client = new Client({ name: 'sse-test', version: '1.0.0' }, options);
  cleanup.add(() => client.close());
  await client.connect(new SSEClientTransport(new URL(url)));
  return client;
};

/** Headers of a well-formed MCP POST. */
export const postHeaders = (extra: Record<string, string> = {}): Record<string, string> => ({
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  ...extra,
});

/** POSTs one JSON-RPC message (or raw text) to `url`. */
export const post = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: postHeaders(headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** An initialize request. */
export const initializeMessage = (id: number | string = 1, protocolVersion = LATEST_PROTOCOL_VERSION) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

/** Opens a session by hand (initialize + initialized) and returns its id. */
export const openRawSession = async (url: string, protocolVersion = LATEST_PROTOCOL_VERSION): Promise<string> => {
  const response = await post(url, initializeMessage(1, protocolVersion));
  await response.body?.cancel();
  const id = response.headers.get('mcp-session-id');
  if (!id) throw new Error(`initialize gave no session id (HTTP ${response.status})`);
  const headers = { 'mcp-session-id': id, 'mcp-protocol-version': protocolVersion };
  const initialized = await post(url, { jsonrpc: '2.0', method: 'notifications/initialized' }, headers);
  if (initialized.status !== 202) throw new Error(`initialized got HTTP ${initialized.status}`);
  return id;
};

/** One parsed SSE event. */
export interface ParsedEvent {
  readonly id?: string;
  readonly event?: string;
  readonly data: string;
}

/** Reads SSE events from a response body, one at a time. */
export const sseReader = (response: Response) => {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const parse = (block: string): ParsedEvent => {
    const event: { id?: string; event?: string; data: string[] } = { data: [] };
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') event.id = value;
      else if (field === 'event') event.event = value;
      else if (field === 'data') event.data.push(value);
    }
    return { ...event, data: event.data.join('\n') };
  };
  return {
    /** The next event, or undefined at the end of the stream. */
    next: async (): Promise<ParsedEvent | undefined> => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          return parse(block);
        }
        const { done, value } = await reader.read();
        if (done) return undefined;
        buffer += value;
      }
    },
    /** Drops the connection. */
    cancel: () => reader.cancel().catch(() => {}),
  };
};

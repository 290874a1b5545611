/**
 * A minimal keep-alive HTTP/1.1 client over one TCP socket, for the sessions
 * scenario: node's own `http.request` tops out near 6k requests/s in the
 * runner, which would make the client, not the server, the limit. It sends
 * one request at a time, reads `Content-Length` or chunked bodies, and looks
 * headers up only when asked.
 */
import { connect } from 'node:net';

/** One parsed response. */
export interface RawResponse {
  readonly status: number;
  /** A header's value by lower-case name, or undefined. */
  readonly header: (name: string) => string | undefined;
  readonly body: string;
}

/** A connection that POSTs one request at a time. */
export interface RawConnection {
  /** POSTs `body`; `sessionId` adds an `Mcp-Session-Id` header to the reused `headers`. */
  readonly post: (
    path: string,
    headers: Readonly<Record<string, string>>,
    body: string,
    sessionId?: string,
  ) => Promise<RawResponse>;
  readonly close: () => void;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** Finds a header in a lower-cased head; undefined when absent. */
const headerIn = (lowerHead: string, head: string, name: string): string | undefined => {
  const at = lowerHead.indexOf(`\r\n${name}:`);
  if (at === -1) return undefined;
  const start = at + name.length + 3;
  const end = head.indexOf('\r\n', start);
  return head.slice(start, end === -1 ? head.length : end).trim();
};

/** Parses one whole response at the start of `buffer`; undefined while more bytes are needed. */
const parseResponse = (buffer: Buffer): { response: RawResponse; used: number } | undefined => {
  const headEnd = buffer.indexOf(HEAD_END);
  if (headEnd === -1) return undefined;
  const head = buffer.toString('latin1', 0, headEnd);
  const lowerHead = head.toLowerCase();
  const status = Number(head.slice(9, 12));
  const header = (name: string) => headerIn(lowerHead, head, name);
  let at = headEnd + 4;
  if (header('transfer-encoding')?.includes('chunked')) {
    const parts: Buffer[] = [];
    for (;;) {
      const sizeEnd = buffer.indexOf('\r\n', at);
      if (sizeEnd === -1) return undefined;
      const size = Number.parseInt(buffer.toString('latin1', at, sizeEnd), 16);
      if (buffer.length < sizeEnd + 2 + size + 2) return undefined;
      parts.push(buffer.subarray(sizeEnd + 2, sizeEnd + 2 + size));
      at = sizeEnd + 2 + size + 2;
      if (size === 0) break;
    }
    return { response: { status, header, body: Buffer.concat(parts).toString('utf8') }, used: at };
  }
  const length = Number(header('content-length') ?? 0);
  if (buffer.length < at + length) return undefined;
  return { response: { status, header, body: buffer.toString('utf8', at, at + length) }, used: at + length };
};

/** Opens a connection to `url`'s host and port. */
export const openRawConnection = (url: string): Promise<RawConnection> => {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), noDelay: true });
    let buffer: Buffer = Buffer.alloc(0);
    let waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | undefined;
    // Header blocks by the headers object they came from: callers reuse a few objects.
    const blocks = new WeakMap<object, string>();
    const blockOf = (headers: Readonly<Record<string, string>>) => {
      let block = blocks.get(headers);
      if (block === undefined) {
        block = Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('');
        blocks.set(headers, block);
      }
      return block;
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      const parsed = parseResponse(buffer);
      if (!parsed || !waiting) return;
      buffer = buffer.subarray(parsed.used);
      const current = waiting;
      waiting = undefined;
      current.resolve(parsed.response);
    });
    socket.on('error', (error) => {
      waiting?.reject(error);
      waiting = undefined;
      reject(error);
    });
    socket.on('close', () => waiting?.reject(new Error('connection closed')));
    socket.once('connect', () =>
      resolve({
        post: (path, headers, body, sessionId) =>
          new Promise((done, fail) => {
            waiting = { resolve: done, reject: fail };
            const session = sessionId === undefined ? '' : `mcp-session-id: ${sessionId}\r\n`;
            socket.write(
              `POST ${path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${blockOf(headers)}${session}\r\n${body}`,
            );
          }),
        close: () => socket.destroy(),
      }),
    );
  });
};

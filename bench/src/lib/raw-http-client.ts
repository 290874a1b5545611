/**
 * A minimal keep-alive HTTP/1.1 client over one TCP socket, for the sessions
 * scenario: node's own `http.request` tops out near 6k requests/s in the
 * runner, which would make the client, not the server, the limit. It sends
 * one request at a time and reads `Content-Length` or chunked bodies.
 */
import { connect, type Socket } from 'node:net';

/** One parsed response: status, lower-cased headers and the body text. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A connection that POSTs one request at a time. */
export interface RawConnection {
  readonly post: (path: string, headers: Readonly<Record<string, string>>, body: string) => Promise<RawResponse>;
  readonly close: () => void;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const CHUNKED = /^transfer-encoding:[^\r]*chunked/im;

/** Parses the head: status and lower-cased headers (a few per response, so plain string work is cheap enough). */
const parseHead = (head: string): { status: number; headers: Record<string, string> } => {
  const headers: Record<string, string> = {};
  let at = head.indexOf('\r\n');
  const status = Number(head.slice(9, 12));
  while (at !== -1 && at < head.length) {
    const next = head.indexOf('\r\n', at + 2);
    const line = head.slice(at + 2, next === -1 ? head.length : next);
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    at = next;
  }
  return { status, headers };
};

/** Parses one whole response at the start of `buffer`; undefined while more bytes are needed. */
const parseResponse = (buffer: Buffer): { response: RawResponse; used: number } | undefined => {
  const headEnd = buffer.indexOf(HEAD_END);
  if (headEnd === -1) return undefined;
  const head = buffer.toString('latin1', 0, headEnd);
  let at = headEnd + 4;
  if (CHUNKED.test(head)) {
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
    const { status, headers } = parseHead(head);
    return { response: { status, headers, body: Buffer.concat(parts).toString('utf8') }, used: at };
  }
  const { status, headers } = parseHead(head);
  const length = Number(headers['content-length'] ?? 0);
  if (buffer.length < at + length) return undefined;
  return { response: { status, headers, body: buffer.toString('utf8', at, at + length) }, used: at + length };
};

/** Opens a connection to `url`'s host and port. */
export const openRawConnection = (url: string): Promise<RawConnection> => {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: hostname, port: Number(port), noDelay: true });
    let buffer = Buffer.alloc(0);
    let waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | undefined;
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
        post: (path, headers, body) =>
          new Promise((done, fail) => {
            waiting = { resolve: done, reject: fail };
            let head = `POST ${path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
            for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
            socket.write(`${head}\r\n${body}`);
          }),
        close: () => socket.destroy(),
      }),
    );
  });
};

import { type LookupAddress, lookup } from 'node:dns';
import { request } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './private-address.js';

/** Limits of {@link safeGet}. */
export interface SafeGetOptions {
  /** Largest body accepted, in bytes. */
  readonly maxBytes: number;
  /** Time for the whole exchange, connection included. */
  readonly timeoutMs: number;
  /** Allow loopback and private addresses (development and tests only). */
  readonly allowPrivateAddresses: boolean;
  /** Extra trusted certificate authorities (PEM), e.g. a development CA. */
  readonly ca?: string | readonly string[];
}

/** What {@link safeGet} read. */
export interface SafeGetResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

/** A fetch refused for safety or limits (the message says which). */
export class SafeGetError extends Error {
  override readonly name = 'SafeGetError';
}

// Resolves like dns.lookup, but refuses names that resolve to a private address:
// the check is on the address actually connected to, so DNS rebinding cannot slip past it.
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 4);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad || addresses.length === 0) {
      return callback(new SafeGetError(`${hostname} resolves to a private address`), '', 4);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0] as LookupAddress;
    return callback(null, first.address, first.family);
  });
};

/**
 * GETs an https URL with hard limits: https only, no redirects, a private
 * address (literal or resolved) refused unless allowed, the body capped at
 * `maxBytes` (the connection is cut past it), and the whole exchange bounded
 * by `timeoutMs`.
 */
export const safeGet = (url: URL, options: SafeGetOptions): Promise<SafeGetResult> =>
  new Promise((resolve, reject) => {
    if (url.protocol !== 'https:') return reject(new SafeGetError('only https URLs are fetched'));
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivateAddresses && (host === 'localhost' || (isIP(host) !== 0 && isPrivateAddress(host)))) {
      return reject(new SafeGetError(`${host} is a private address`));
    }
    let done = false;
    const finish = (error: Error | undefined, result?: SafeGetResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(result as SafeGetResult);
    };
    const req = request(
      url,
      {
        method: 'GET',
        headers: { accept: 'application/json', 'user-agent': 'mcpkit-auth' },
        ...(options.allowPrivateAddresses ? {} : { lookup: guardedLookup }),
        ...(options.ca ? { ca: typeof options.ca === 'string' ? options.ca : [...options.ca] } : {}),
      },
      (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') headers.set(name, value);
          else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          return finish(new SafeGetError(`the document is larger than ${options.maxBytes} bytes`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > options.maxBytes)
            return finish(new SafeGetError(`the document is larger than ${options.maxBytes} bytes`));
          chunks.push(chunk);
        });
        res.on('end', () => finish(undefined, { status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) }));
        res.on('error', (error) => finish(error));
      },
    );
    const timer = setTimeout(
      () => finish(new SafeGetError(`no complete answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    req.on('error', (error) => finish(error));
    req.end();
  });

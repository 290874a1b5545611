import { ErrorCode } from '../errors/codes.js';
import { ProtocolError } from '../errors/errors.js';
import { fromBase64Url, toBase64Url } from '../utils/base64url.js';
import { canonicalJson } from './canonical-json.js';
import type { StateKey } from './state-key.js';

/**
 * What a sealed state belongs to: opening it for anything else fails. The
 * identity is the caller's principal (e.g. `sub` of the token; `''` for
 * anonymous), the method is the JSON-RPC method, and the digest comes from
 * `paramsDigest(params)`.
 */
export interface StateBinding {
  readonly identity: string;
  readonly method: string;
  readonly paramsDigest: string;
}

/** Options of {@link sealRequestState}. */
export interface SealOptions {
  readonly key: StateKey;
  /** How long the state may be presented, in milliseconds (> 0). */
  readonly ttlMs: number;
  readonly binding: StateBinding;
  /** The clock, in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/** Options of {@link openRequestState}. */
export interface OpenOptions {
  readonly key: StateKey;
  readonly binding: StateBinding;
  readonly now?: () => number;
  /** Longest token accepted, in characters (default {@link MAX_STATE_CHARS}). */
  readonly maxChars?: number;
}

/** Why a presented `requestState` was refused. */
export type StateFailure = 'malformed' | 'tampered' | 'expired' | 'foreign';

/** The payload of a state that verified, or why it did not. */
export type OpenResult<T> =
  | { readonly ok: true; readonly payload: T }
  | { readonly ok: false; readonly reason: StateFailure };

/** Default cap on a presented token's length (64 KiB of text): bad input never costs unbounded work. */
export const MAX_STATE_CHARS = 65_536;

/** Marks the format, so a later one can be told apart. */
const VERSION = 'v1';
const IV_BYTES = 12;

/** Hash of the binding: kept inside the ciphertext, so nothing about the caller is readable. */
const bindingTag = async (binding: StateBinding): Promise<string> => {
  const text = canonicalJson([binding.identity, binding.method, binding.paramsDigest]);
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
};

/**
 * Seals a handler's state into an opaque `requestState` string (2026-07-28
 * MRTR): AES-256-GCM over the JSON payload, its expiry and a hash of the
 * binding, so the client can neither read nor change it, and it only opens
 * for the same caller, method and params before `ttlMs` runs out. The payload
 * must be JSON-serialisable.
 */
export const sealRequestState = async (payload: unknown, options: SealOptions): Promise<string> => {
  if (!(options.ttlMs > 0) || !Number.isFinite(options.ttlMs)) {
    throw new RangeError('sealRequestState: ttlMs must be a positive, finite number of milliseconds');
  }
  const now = options.now ?? Date.now;
  const plain = JSON.stringify({ p: payload ?? null, e: now() + options.ttlMs, b: await bindingTag(options.binding) });
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(
    await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(VERSION) },
      options.key,
      new TextEncoder().encode(plain),
    ),
  );
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return `${VERSION}.${toBase64Url(out)}`;
};

/**
 * Opens a presented `requestState`: `malformed` (not a token of ours, or over
 * `maxChars`), `tampered` (fails authentication: changed, or sealed with
 * another key), `expired` (past its TTL) or `foreign` (sealed for another
 * caller, method or params). Never throws on bad input.
 */
export const openRequestState = async <T = unknown>(token: unknown, options: OpenOptions): Promise<OpenResult<T>> => {
  const maxChars = options.maxChars ?? MAX_STATE_CHARS;
  if (typeof token !== 'string' || token.length > maxChars || !token.startsWith(`${VERSION}.`)) {
    return { ok: false, reason: 'malformed' };
  }
  const bytes = fromBase64Url(token.slice(VERSION.length + 1));
  if (!bytes || bytes.byteLength <= IV_BYTES + 16) return { ok: false, reason: 'malformed' };
  let plain: string;
  try {
    const opened = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: new TextEncoder().encode(VERSION) },
      options.key,
      bytes.subarray(IV_BYTES),
    );
    plain = new TextDecoder().decode(opened);
  } catch {
    return { ok: false, reason: 'tampered' };
  }
  const sealed = JSON.parse(plain) as { p: T; e: number; b: string };
  if (!(sealed.e > (options.now ?? Date.now)())) return { ok: false, reason: 'expired' };
  if (sealed.b !== (await bindingTag(options.binding))) return { ok: false, reason: 'foreign' };
  return { ok: true, payload: sealed.p };
};

const FAILURE_MESSAGES: Readonly<Record<StateFailure, string>> = Object.freeze({
  malformed: 'requestState is not a state this server issued',
  tampered: 'requestState failed its integrity check',
  expired: 'requestState has expired; start the request again without it',
  foreign: 'requestState was issued for another caller, method or arguments',
});

/**
 * The error a refused `requestState` is answered with, before the handler
 * runs: `-32602 Invalid params` with `data.reason`.
 */
export const requestStateError = (reason: StateFailure): ProtocolError =>
  new ProtocolError(ErrorCode.InvalidParams, `Invalid params: ${FAILURE_MESSAGES[reason]}`, { reason });

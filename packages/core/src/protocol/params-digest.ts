import { toBase64Url } from '../utils/base64url.js';
import { canonicalJson } from './canonical-json.js';

/**
 * Params members a retry of the same request may change: the client adds
 * `inputResponses` and echoes `requestState` (2026-07-28 MRTR), and `_meta`
 * carries per-attempt facts (progress token, client info, trace context).
 */
export const UNBOUND_PARAMS: readonly string[] = Object.freeze(['requestState', 'inputResponses', '_meta']);

/**
 * SHA-256 (base64url) of a request's params as canonical JSON, without the
 * members a retry may change ({@link UNBOUND_PARAMS}): what a sealed
 * `requestState` is bound to, so it cannot be replayed on other arguments.
 */
export const paramsDigest = async (params: unknown): Promise<string> => {
  const salient =
    typeof params === 'object' && params !== null && !Array.isArray(params)
      ? Object.fromEntries(Object.entries(params).filter(([key]) => !UNBOUND_PARAMS.includes(key)))
      : (params ?? {});
  const bytes = new TextEncoder().encode(canonicalJson(salient));
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)));
};

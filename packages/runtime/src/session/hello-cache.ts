import { deepFreeze } from '@mcpkit/core';
import type { ClientHello } from './initialize.js';

/** Distinct hellos a hub keeps; past this, new kinds of clients keep their own copy. */
const MAX_KINDS = 64;
/** Longer hellos are not worth keeping (nor comparing). */
const MAX_KEY_CHARS = 4096;

/**
 * Makes sessions of the same client software share one hello: thousands of
 * idle sessions then hold one pointer each instead of their own copy of
 * `clientInfo` and `capabilities`. Shared hellos are frozen JSON copies, so no
 * session can change what another sees.
 */
export const createHelloCache = (): ((hello: ClientHello) => ClientHello) => {
  const kinds = new Map<string, ClientHello>();
  return (hello) => {
    let key: string;
    try {
      key = JSON.stringify(hello);
    } catch {
      return hello; // Not JSON (an in-process caller's own objects): kept as given.
    }
    const known = kinds.get(key);
    if (known) return known;
    if (kinds.size >= MAX_KINDS || key.length > MAX_KEY_CHARS) return hello;
    const shared = deepFreeze(JSON.parse(key) as ClientHello);
    kinds.set(key, shared);
    return shared;
  };
};

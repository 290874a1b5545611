import type { ListKind } from '../../mount/mount.js';
import type { Store } from '../../store/store.js';
import type { RequestResult } from '../middleware.js';

/** What {@link sharedAnswers} needs from the responseCache options. */
export interface SharedAnswersOptions {
  readonly store: Store;
  readonly ttlMs: number;
  /** Store keys start with this (under the store's own prefix). */
  readonly name: string;
  /** Larger answers (as JSON) are not stored. */
  readonly maxEntryBytes: number;
}

/** A cached answer as stored: the generation of its list when it was computed, and the answer. */
interface Stored {
  readonly g: string;
  readonly v: RequestResult;
}

const LIST_KINDS: readonly ListKind[] = ['tools', 'resources', 'prompts'];

/** SHA-256 of `text` in hex: store keys of a fixed size, whatever the params. */
const digest = async (text: string) => {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
};

/**
 * Cached answers kept in a shared {@link Store}, so every instance using it
 * serves them. An answer is stored as JSON with `ttlMs`, tagged with its
 * list's generation; each list has a generation counter in the store, and
 * invalidating a list increments it, which makes every answer tagged with an
 * older one stale on every instance at once. A lookup reads the answer and
 * its list's generation in one round trip (two parallel reads).
 */
export const sharedAnswers = (options: SharedAnswersOptions) => {
  const { store, ttlMs, name, maxEntryBytes } = options;
  const generationKey = (kind: ListKind) => `${name}:generation:${kind}`;
  const entryKey = async (key: string) => `${name}:entry:${await digest(key)}`;

  return {
    /** The current generation of `kind`'s list, and the answer stored under `key` when it is of that generation. */
    lookup: async (kind: ListKind, key: string) => {
      const [json, generation = '0'] = await Promise.all([
        store.get(await entryKey(key)),
        store.get(generationKey(kind)),
      ]);
      let hit: RequestResult | undefined;
      if (json !== undefined) {
        try {
          const stored = JSON.parse(json) as Stored;
          if (stored.g === generation && typeof stored.v === 'object' && stored.v !== null) hit = stored.v;
        } catch {
          // Not ours or damaged: a miss.
        }
      }
      return { generation, hit };
    },
    /** Stores `value` as computed under `generation`; false when it cannot be stored (not JSON, too large). */
    save: async (key: string, generation: string, value: RequestResult) => {
      let json: string;
      try {
        json = JSON.stringify({ g: generation, v: value } satisfies Stored);
      } catch {
        return false;
      }
      if (json.length > maxEntryBytes) return false;
      await store.set(await entryKey(key), json, { ttlMs });
      return true;
    },
    /** Makes the stored answers of `kind` (or of every list) stale on every instance. */
    invalidate: async (kind?: ListKind) => {
      await Promise.all((kind ? [kind] : LIST_KINDS).map((each) => store.increment(generationKey(each))));
    },
  };
};

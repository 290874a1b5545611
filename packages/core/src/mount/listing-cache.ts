import type { Context } from '../context/context.js';
import type { ItemKind } from '../server/source.js';
import type { Provider } from './provider.js';

/** The lists a mounted call looks its target up in. */
type LookupKind = Exclude<ItemKind, 'resource'>;

/** Sessions whose lookups are kept at once; the oldest is forgotten first. */
const MAX_SESSIONS = 1000;

/**
 * The names a provider lists, kept per session so that a mounted call finds
 * its target without listing the provider again. Kept only while the server
 * hears the provider's list changes (`epoch`, see `listChanges`), so they are
 * forgotten when a list changes, and only for requests without auth (whose
 * lists the provider's access rules may shape per caller). A name not kept is
 * looked up afresh, so a tool the provider just added is found before its
 * change event arrives.
 */
export const listingCache = (provider: Provider, epoch: () => number | undefined) => {
  let kept = new Map<string | undefined, Map<LookupKind, ReadonlySet<string>>>();
  let keptEpoch: number | undefined;
  /** The kept lists, emptied when the epoch moved on; undefined while changes go unheard. */
  const current = () => {
    const now = provider.onListChanged ? epoch() : undefined;
    if (now !== keptEpoch) {
      kept = new Map();
      keptEpoch = now;
    }
    return now === undefined ? undefined : kept;
  };
  return {
    /**
     * Whether the provider lists `inner` among its items of `kind`, listing
     * them with `list` when the kept names do not have it.
     */
    has: async (
      kind: LookupKind,
      inner: string,
      ctx: Context,
      list: () => Promise<readonly string[]>,
    ): Promise<boolean> => {
      const session = ctx.session.id;
      const cacheable = ctx.auth === undefined;
      if (cacheable && current()?.get(session)?.get(kind)?.has(inner)) return true;
      const before = cacheable ? epoch() : undefined;
      const names = new Set(await list());
      const sessions = before === undefined ? undefined : current();
      // Kept only when no change came while listing.
      if (sessions && keptEpoch === before) {
        let lists = sessions.get(session);
        if (!lists) {
          if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value);
          lists = new Map();
          sessions.set(session, lists);
        }
        lists.set(kind, names);
      }
      return names.has(inner);
    },
  };
};

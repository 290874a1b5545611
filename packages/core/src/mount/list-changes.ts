import type { ListKind } from '../context/component-ref.js';
import { moduleMiddleware } from '../middleware/module-middleware.js';
import type { MountDescriptor } from './mount.js';

/** A server's list-changed events: subscribe with `listen`; `epoch` tells whether what was seen still holds. */
export interface ListChanges {
  /** Tells `listener` when a mount's list changes; returns a function that stops telling. */
  readonly listen: (listener: (kind: ListKind) => void) => () => void;
  /**
   * A number that stays the same while no list changes, or undefined while
   * nobody listens (so changes go unheard): what was learnt of the mounts'
   * lists under one epoch holds while the epoch is unchanged.
   */
  readonly epoch: () => number | undefined;
}

/**
 * A server's list-changed event source: relays its mounts' events. It
 * subscribes to the mounts only while someone listens, so an unserved server
 * holds no subscriptions.
 */
export const listChanges = (mounts: readonly MountDescriptor[]): ListChanges => {
  const listeners = new Set<(kind: ListKind) => void>();
  let unsubscribe: (() => void)[] = [];
  let epoch = 0;
  const relay = (kind: ListKind) => {
    epoch++;
    for (const listener of [...listeners]) listener(kind);
  };
  const listen = (listener: (kind: ListKind) => void): (() => void) => {
    listeners.add(listener);
    if (listeners.size === 1) {
      epoch++;
      unsubscribe = mounts.flatMap((mount) =>
        mount.provider.onListChanged ? [mount.provider.onListChanged(relay)] : [],
      );
    }
    return () => {
      if (!listeners.delete(listener) || listeners.size > 0) return;
      epoch++;
      for (const stop of unsubscribe) stop();
      unsubscribe = [];
    };
  };
  return { listen, epoch: () => (listeners.size ? epoch : undefined) };
};

/** Middleware that keeps answers (such as `responseCache()`) and must forget them when lists change. */
interface Invalidating {
  readonly invalidate: (kind?: ListKind) => void;
}

const invalidating = (middleware: readonly unknown[]): Invalidating[] =>
  middleware.filter((m): m is Invalidating => typeof (m as Partial<Invalidating>).invalidate === 'function');

/**
 * Tells caching middleware when lists change at run time: the server's own
 * middleware hears every mount's changes, a mount's middleware its own mount's.
 * Static components never change, so without mounts nothing is wired.
 */
export const wireInvalidation = (
  mounts: readonly MountDescriptor[],
  middleware: readonly unknown[] | undefined,
  onListChanged: (listener: (kind: ListKind) => void) => () => void,
): void => {
  if (!mounts.length) return;
  const serverLevel = invalidating(middleware ?? []);
  const tell = (caches: readonly Invalidating[]) => (kind: ListKind) => {
    for (const cache of caches) cache.invalidate(kind);
  };
  if (serverLevel.length) onListChanged(tell(serverLevel));
  for (const mount of mounts) {
    const own = invalidating(moduleMiddleware(mount));
    if (own.length && mount.provider.onListChanged) {
      mount.provider.onListChanged(tell(own));
    }
  }
};

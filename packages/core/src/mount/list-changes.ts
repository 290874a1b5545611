import type { ListKind, MountDescriptor } from './mount.js';

/**
 * A server's list-changed event source: relays its mounts' events. It
 * subscribes to the mounts only while someone listens, so an unserved server
 * holds no subscriptions.
 */
export const listChanges = (mounts: readonly MountDescriptor[]) => {
  const listeners = new Set<(kind: ListKind) => void>();
  let unsubscribe: (() => void)[] = [];
  const relay = (kind: ListKind) => {
    for (const listener of [...listeners]) listener(kind);
  };
  return (listener: (kind: ListKind) => void): (() => void) => {
    listeners.add(listener);
    if (listeners.size === 1) {
      unsubscribe = mounts.flatMap((mount) =>
        mount.provider.onListChanged ? [mount.provider.onListChanged(relay)] : [],
      );
    }
    return () => {
      if (!listeners.delete(listener) || listeners.size > 0) return;
      for (const stop of unsubscribe) stop();
      unsubscribe = [];
    };
  };
};

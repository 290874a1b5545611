import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Watches a changing set of files; see {@link watchFiles}. */
export interface FileWatcher {
  /** Adds files to the watched set (absolute paths). */
  readonly add: (files: Iterable<string>) => void;
  readonly close: () => void;
}

/**
 * Calls `onChange` (debounced by `delayMs`) when one of the watched files
 * changes. It watches their directories, not the files, so editors that save
 * by writing a new file and renaming it over the old one are still seen.
 */
export const watchFiles = (onChange: (changed: string[]) => void, delayMs = 80): FileWatcher => {
  const files = new Set<string>();
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const changed = [...pending];
    pending.clear();
    onChange(changed);
  };
  const watchDirectory = (directory: string) => {
    if (watchers.has(directory)) return;
    try {
      const watcher = watch(directory, (_event, name) => {
        const file = name ? `${directory}/${basename(String(name))}` : undefined;
        if (file === undefined || !files.has(file)) return;
        pending.add(file);
        clearTimeout(timer);
        timer = setTimeout(flush, delayMs);
      });
      watcher.on('error', () => watchers.delete(directory));
      watchers.set(directory, watcher);
    } catch {
      // A directory that vanished: nothing to watch there.
    }
  };
  return {
    add: (added) => {
      for (const file of added) {
        files.add(file);
        watchDirectory(dirname(file));
      }
    },
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
};

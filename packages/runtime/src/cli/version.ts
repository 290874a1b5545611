import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of `@mcpkit/runtime` this CLI belongs to, read from the
 * package's own package.json (found upwards from this module, so it works from
 * `src/cli` in a checkout and from `dist` when installed).
 */
export const cliVersion = (from: string = fileURLToPath(import.meta.url)): string => {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (name === '@mcpkit/runtime' && version) return version;
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
};

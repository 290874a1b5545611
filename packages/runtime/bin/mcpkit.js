#!/usr/bin/env node
// In the mcpkit repository the sources sit next to this file: run them through
// tsx (workspace packages resolve to their sources via the repository's
// tsconfig paths), so a stale build never shadows them. The published package
// ships no sources and runs the built CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const tsconfig = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));
  if (existsSync(tsconfig)) process.env.TSX_TSCONFIG_PATH ??= tsconfig;
  // A global registration (not tsImport's scoped one), so the CLI's own scoped imports of user modules behave
  // as in the published build (tsImport's onImport, which `mcpkit dev` uses to find the files to watch).
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href);
}

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
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(source.href, import.meta.url);
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href);
}

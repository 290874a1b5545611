#!/usr/bin/env node
// In the repository the sources sit next to this file (run through tsx); the published package runs dist/.
import { existsSync } from 'node:fs';

const source = new URL('../src/main.ts', import.meta.url);
if (existsSync(source)) {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(source.href, import.meta.url);
} else {
  await import(new URL('../dist/main.js', import.meta.url).href);
}

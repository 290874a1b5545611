/**
 * Entry of every server under test: `main.ts <raw|sdk|fastmcp|mcpkit|sdk-v2> [flags]`.
 * Prints `{"url": ...}` on stdout once an HTTP server listens. SIGUSR2 runs a
 * full GC (node --expose-gc) so memory readings are not inflated by garbage.
 * Run with `node --import tsx`: the TypeScript here is transpiled once at load;
 * mcpkit itself is imported from its built `dist/`.
 */
import { parseServerArgs } from './args.js';

const libraries = ['raw', 'sdk', 'fastmcp', 'mcpkit', 'sdk-v2'] as const;
const name = process.argv[2] ?? '';
if (!(libraries as readonly string[]).includes(name)) throw new Error(`unknown server ${name}`);

// tsx turns source maps on; stack traces of the code under test should cost what they cost users.
process.setSourceMapsEnabled(false);
process.on('SIGUSR2', () => (globalThis as { gc?: () => void }).gc?.());
// Exit cleanly on SIGINT, so `node --cpu-prof` writes its profile (see BENCHMARKS.md, Profiling).
process.on('SIGINT', () => process.exit(0));

const args = parseServerArgs(process.argv.slice(3));
const library = (await import(`./${name}.js`)) as { start: (a: typeof args) => Promise<string | undefined> };
const url = await library.start(args);
if (url) process.stdout.write(`${JSON.stringify({ url })}\n`);

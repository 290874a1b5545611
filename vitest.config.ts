import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources: no build step before testing.
    alias: [
      { find: /^@mcpkit\/core$/, replacement: src('core') },
      {
        find: /^@mcpkit\/core\/testing$/,
        replacement: fileURLToPath(new URL('./packages/core/src/store/store-contract.ts', import.meta.url)),
      },
      {
        find: /^@mcpkit\/runtime\/stdio$/,
        replacement: fileURLToPath(new URL('./packages/runtime/src/stdio/index.ts', import.meta.url)),
      },
      {
        find: /^@mcpkit\/runtime\/testing$/,
        replacement: fileURLToPath(new URL('./packages/runtime/src/testing/index.ts', import.meta.url)),
      },
      { find: /^@mcpkit\/runtime$/, replacement: src('runtime') },
      { find: /^@mcpkit\/openapi$/, replacement: src('openapi') },
      { find: /^@mcpkit\/auth$/, replacement: src('auth') },
      { find: /^@mcpkit\/redis$/, replacement: src('redis') },
      { find: /^@mcpkit\/otel$/, replacement: src('otel') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 20_000,
    // Hooks start servers and child processes: a busy 2-core CI machine needs more than the 10 s default.
    hookTimeout: 30_000,
  },
});

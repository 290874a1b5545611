import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    stdio: 'src/stdio/index.ts',
    cli: 'src/cli/main.ts',
    testing: 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // jose is ESM-only: bundled, so `require('@mcpkit/runtime')` works on Node versions without require(esm) (< 20.19).
  noExternal: ['jose'],
  // Loaded only when needed (an OpenAPI document, MCPKIT_OAUTH_PROVIDER), when installed.
  external: ['@mcpkit/openapi', '@mcpkit/auth', 'vitest'],
});

import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', stdio: 'src/stdio/index.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // jose is ESM-only: bundled, so `require('@mcpkit/runtime')` works on Node versions without require(esm) (< 20.19).
  noExternal: ['jose'],
  // Loaded only for OpenAPI documents, when installed.
  external: ['@mcpkit/openapi'],
});

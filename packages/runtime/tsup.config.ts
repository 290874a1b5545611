import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', stdio: 'src/stdio/index.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // Loaded only for OpenAPI documents, when installed.
  external: ['@mcpkit/openapi'],
});

import { defineConfig } from 'tsup';

export default defineConfig({
  // `testing` holds the driver contract suites (they import vitest): a separate entry, never part of the core bundle.
  entry: { index: 'src/index.ts', testing: 'src/store/store-contract.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['vitest'],
});

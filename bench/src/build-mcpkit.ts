import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PACKAGES = ['core', 'runtime', 'openapi', 'redis', 'otel'];
// The packages' own tsup config, JavaScript only: the same code `pnpm build`
// emits, without the slow declaration pass (and without wiping existing .d.ts).
const BUILD_JS = "const { build } = await import('tsup'); await build({ dts: false, clean: false, silent: true });";

/**
 * Builds @mcpkit/core, @mcpkit/runtime, @mcpkit/openapi, @mcpkit/redis and @mcpkit/otel into their `dist/`, which is what the
 * bench imports (as users would). Returns an error message instead of throwing,
 * so a broken build only turns the mcpkit column into n/a.
 */
export const buildMcpkit = (packages: readonly string[] = PACKAGES): string | undefined => {
  for (const name of packages) {
    const cwd = fileURLToPath(new URL(`../../packages/${name}/`, import.meta.url));
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', BUILD_JS], { cwd, encoding: 'utf8' });
    if (result.status !== 0) {
      const why = result.error?.message ?? `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().slice(-500);
      return `building @mcpkit/${name} failed: ${why}`;
    }
  }
  return undefined;
};

/** How the new project serves by default. */
export type Transport = 'stdio' | 'http';

/** The package managers create-mcpkit knows. */
export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** Everything that shapes the generated project. */
export interface ProjectOptions {
  /** The package name (the directory's name). */
  readonly name: string;
  readonly transport: Transport;
  readonly packageManager: PackageManager;
  /** The version range of the @mcpkit packages, e.g. `^0.1.0`. */
  readonly mcpkitRange: string;
}

/** The package manager that runs us, from `npm_config_user_agent` (`pnpm/10.1.0 npm/? node/v20…`). */
export const packageManagerOf = (userAgent: string | undefined): PackageManager => {
  const name = userAgent?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
};

/** A valid npm package name from a directory name: lower case, URL-safe characters. */
export const packageNameOf = (directory: string): string =>
  directory
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '') || 'mcp-server';

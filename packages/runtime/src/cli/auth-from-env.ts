import type { Authenticator } from '../http/auth-options.js';
import { CliError } from './usage-error.js';

/**
 * Sign-in for `mcpkit run` over HTTP or SSE: when `MCPKIT_OAUTH_PROVIDER` is
 * set, `@mcpkit/auth`'s `oauthProxyFromEnv()` (an optional dependency, loaded
 * only then) makes the server its own OAuth authorization server, proxying to
 * that provider. Undefined when unset or over stdio.
 */
export const authFromEnv = async (
  transport: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Authenticator | undefined> => {
  if (!env.MCPKIT_OAUTH_PROVIDER || transport === 'stdio') return undefined;
  const loaded = await import('@mcpkit/auth').catch(() => undefined);
  if (!loaded) throw new CliError('MCPKIT_OAUTH_PROVIDER is set: install @mcpkit/auth to serve with sign-in');
  try {
    return loaded.oauthProxyFromEnv(env) as Authenticator | undefined;
  } catch (error) {
    throw new CliError(`Sign-in is misconfigured: ${error instanceof Error ? error.message : String(error)}`);
  }
};

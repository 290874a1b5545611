import { loadEnvFiles } from '../env-files.js';
import { loadServer } from '../load-server.js';
import { note } from '../output.js';
import { parseCommand } from '../parse.js';
import { type RunFlags, type RunSettings, resolveRunSettings } from '../settings.js';
import { CliError } from '../usage-error.js';

/** The flags of `mcpkit run` (`mcpkit dev` takes them too). */
export const RUN_FLAGS = {
  transport: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  path: { type: 'string' },
  stateless: { type: 'boolean' },
  json: { type: 'boolean' },
  'session-ttl': { type: 'string' },
  'max-sessions': { type: 'string' },
  'env-file': { type: 'string', multiple: true },
  'base-url': { type: 'string' },
} as const;

/** Over stdio, stdout is the protocol channel: console output from user code (even at import) must not land there. */
export const keepStdoutForProtocol = (): void => {
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
};

/** `--path` names the one endpoint clients open: for legacy SSE that is the event stream (`ssePath`). */
export const serveOptions = (settings: RunSettings) =>
  settings.transport === 'sse' && settings.path !== undefined ? { ...settings, ssePath: settings.path } : settings;

/** Resolves with the signal's name on SIGINT or SIGTERM. */
export const signalled = (): Promise<string> =>
  new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });

/**
 * `mcpkit run <file>`: serves the module's server over stdio, Streamable
 * HTTP or legacy SSE until interrupted, then closes it and resolves to 0.
 * The banner goes to stderr; over HTTP it names the URL actually bound.
 */
export const runCommand = async (args: readonly string[]): Promise<number | 'help'> => {
  const parsed = parseCommand('run', args, RUN_FLAGS, { min: 1, max: 1, names: 'a <file>' });
  if (parsed.help) return 'help';
  // Before the settings: a .env file may hold MCPKIT_* variables too.
  loadEnvFiles((parsed.values['env-file'] as string[] | undefined) ?? []);
  const settings = resolveRunSettings(parsed.values as RunFlags, process.env);
  if (settings.transport === 'stdio') keepStdoutForProtocol();
  const server = await loadServer(parsed.positionals[0] as string, undefined, parsed.values['base-url'] as string);
  const stopped = signalled();
  // Loaded lazily: inspect and call never need the transports.
  const { serve } = await import('../../serve.js');
  let handle: Awaited<ReturnType<typeof serve>>;
  try {
    handle = await serve(server, serveOptions(settings));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Could not serve over ${settings.transport}: ${reason}`, { cause: error });
  }
  const name = `${server.info.name} ${server.info.version}`;
  // Under `mcpkit dev` this process is the child of one reload: the parent speaks for it.
  const quiet = process.env.MCPKIT_DEV_IMPORTS !== undefined;
  if (!quiet)
    await note(
      settings.transport === 'stdio'
        ? `serving ${name} over stdio`
        : `serving ${name} over ${settings.transport} at ${handle.url}`,
    );
  // Over stdio the server also ends by itself when stdin closes (the client went away).
  const reason = await Promise.race([
    stopped,
    handle.closed.then(() => (settings.transport === 'stdio' ? 'stdin closed' : 'server closed')),
  ]);
  if (!quiet) await note(`${reason}: shutting down`);
  await handle.close();
  return 0;
};

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createServer, mount, ProtocolError, type Provider } from '@mcpkit/core';
import { type ClosableProvider, switchable } from '../dev/switchable.js';
import { typeChecker } from '../dev/typecheck.js';
import { watchFiles } from '../dev/watch-files.js';
import { loadEnvFiles } from '../env-files.js';
import { note } from '../output.js';
import { parseCommand } from '../parse.js';
import { type RunFlags, resolveRunSettings } from '../settings.js';
import { CliError, UsageError } from '../usage-error.js';
import { keepStdoutForProtocol, RUN_FLAGS, serveOptions, signalled } from './run.js';

const FLAGS = {
  ...RUN_FLAGS,
  inspector: { type: 'boolean' },
  'no-typecheck': { type: 'boolean' },
} as const;

/** Serves while the module does not load yet: empty lists, calls that say why. */
const notLoaded = (file: string): ClosableProvider => {
  const fail = () =>
    Promise.reject(new ProtocolError(-32603, `${file} did not load: see the mcpkit dev terminal, then save a fix`));
  const none = async () => [];
  return {
    listTools: none,
    listResources: none,
    listResourceTemplates: none,
    listPrompts: none,
    callTool: fail,
    readResource: fail,
    getPrompt: fail,
    complete: async () => ({ values: [] }),
  } satisfies Provider;
};

/** The MCP Inspector release line `--inspector` starts (its web UI: `--web --transport http --server-url`). */
const INSPECTOR_PACKAGE = '@modelcontextprotocol/inspector@2';

/**
 * Starts the MCP Inspector's web UI (through npx) connected to `url` over
 * Streamable HTTP. It prints its own address (with its auth token) and opens
 * a browser unless MCP_AUTO_OPEN_ENABLED=false; CLIENT_PORT picks its port.
 * Runs in its own process group, so that `stop()` ends npx and the inspector.
 */
const startInspector = async (url: string) => {
  let stopping = false;
  const child = spawn('npx', ['-y', INSPECTOR_PACKAGE, '--web', '--transport', 'http', '--server-url', url], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  child.once('error', (error) => void note(`inspector: could not start npx (${error.message})`));
  child.once('exit', (code, signal) => {
    if (!stopping) void note(`inspector: exited (${signal ?? code}); the server keeps serving`);
  });
  await note(`inspector: starting ${INSPECTOR_PACKAGE} against ${url} (it prints its address when ready)`);
  return {
    stop: () => {
      stopping = true;
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    },
  };
};

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `mcpkit dev <file>`: serves the module and reloads it on every change to it
 * or to a project file it imports, without closing a client's session. The
 * module runs in a child process (a fresh module graph on each reload) behind
 * a proxy that this process swaps; clients get `list_changed` after each
 * reload. A broken edit keeps the last good version serving and says why;
 * type errors are printed by a background `tsc --noEmit` and never stop the loop.
 */
export const devCommand = async (args: readonly string[]): Promise<number | 'help'> => {
  const parsed = parseCommand('dev', args, FLAGS, { min: 1, max: 1, names: 'a <file>' });
  if (parsed.help) return 'help';
  loadEnvFiles((parsed.values['env-file'] as string[] | undefined) ?? []);
  const { inspector, 'no-typecheck': noTypecheck, ...runFlags } = parsed.values;
  const flags = runFlags as RunFlags;
  if (inspector === true && flags.transport === undefined && !process.env.MCPKIT_TRANSPORT) {
    Object.assign(flags, { transport: 'http' });
  }
  const settings = resolveRunSettings(flags, process.env);
  if (inspector === true && settings.transport !== 'http') {
    throw new UsageError('--inspector connects over Streamable HTTP: drop --transport or use --transport http', 'dev');
  }
  const file = resolve(parsed.positionals[0] as string);
  if (!existsSync(file)) throw new CliError(`No such file: ${file}`);
  if (settings.transport === 'stdio') keepStdoutForProtocol();

  const scratch = mkdtempSync(join(tmpdir(), 'mcpkit-dev-'));
  const importsFile = join(scratch, 'imports');
  const { proxy } = await import('../../proxy/proxy.js');
  const target = () => ({
    command: process.execPath,
    // The same CLI (and loader flags, e.g. tsx in a checkout) serves the module in the child.
    args: [...process.execArgv, process.argv[1] as string, 'run', file],
    env: { ...(process.env as Record<string, string>), MCPKIT_TRANSPORT: 'stdio', MCPKIT_DEV_IMPORTS: importsFile },
    cwd: process.cwd(),
  });
  const watcher = watchFiles(() => void reload());
  const importedFiles = () =>
    existsSync(importsFile) ? readFileSync(importsFile, 'utf8').split('\n').filter(Boolean) : [];

  /** Starts the module in a fresh child; undefined (and a note) when it does not load. */
  const load = async (): Promise<ClosableProvider | undefined> => {
    writeFileSync(importsFile, '');
    const started = Date.now();
    const next = proxy(target(), { name: basename(file), clientInfo: { name: 'mcpkit-dev', version: '1.0.0' } });
    try {
      const tools = await next.listTools();
      watcher.add([file, ...importedFiles()]);
      await note(`loaded ${basename(file)} in ${Date.now() - started} ms (${tools.length} tools)`);
      return next;
    } catch (error) {
      watcher.add([file, ...importedFiles()]);
      await next.close().catch(() => {});
      await note(`${basename(file)} did not load (${reasonOf(error)}); the last good version keeps serving`);
      return undefined;
    }
  };

  const checker = noTypecheck === true ? undefined : typeChecker(file, (message) => void note(message));
  checker?.check();
  const first = await load();
  const current = switchable(first ?? notLoaded(file));
  const server = createServer({ name: `${basename(file)} (mcpkit dev)`, version: '0.0.0-dev' }, [
    mount(current.provider),
  ]);

  let reloading: Promise<void> | undefined;
  let again = false;
  const reload = async (): Promise<void> => {
    if (reloading) {
      again = true;
      return reloading;
    }
    reloading = (async () => {
      do {
        again = false;
        checker?.check();
        const next = await load();
        if (next) await current.swap(next);
      } while (again);
    })().finally(() => {
      reloading = undefined;
    });
    return reloading;
  };

  const stopped = signalled();
  const { serve } = await import('../../serve.js');
  let handle: Awaited<ReturnType<typeof serve>>;
  try {
    handle = await serve(server, serveOptions(settings));
  } catch (error) {
    watcher.close();
    await current.close();
    throw new CliError(`Could not serve over ${settings.transport}: ${reasonOf(error)}`, { cause: error });
  }
  await note(
    `dev: serving ${basename(file)} over ${settings.transport}${handle.url ? ` at ${handle.url}` : ''}; reloading on change`,
  );
  const inspectorProcess = inspector === true && handle.url ? await startInspector(handle.url) : undefined;
  const reason = await Promise.race([
    stopped,
    handle.closed.then(() => (settings.transport === 'stdio' ? 'stdin closed' : 'server closed')),
  ]);
  await note(`${reason}: shutting down`);
  watcher.close();
  checker?.close();
  inspectorProcess?.stop();
  await reloading?.catch(() => {});
  await handle.close();
  await current.close();
  rmSync(scratch, { recursive: true, force: true });
  return 0;
};

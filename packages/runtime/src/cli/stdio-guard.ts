import { McpkitError } from '@mcpkit/core';

/** Set on `globalThis` by the CLI while it owns the process's stdio; read by `serveStdio()`. */
const MARK = Symbol.for('mcpkit.cli.stdio');

interface StdioMark {
  /** The module the CLI loaded, for the message. */
  readonly file: string;
  /** stdio servers started in this process so far. */
  started: number;
}

const markOf = (): StdioMark | undefined => (globalThis as Record<symbol, StdioMark | undefined>)[MARK];

/**
 * Called by the CLI before it imports the user's module: from then on this
 * process may start only one stdio server (see {@link claimStdio}).
 */
export const markCliProcess = (file: string): void => {
  (globalThis as Record<symbol, StdioMark | undefined>)[MARK] = { file, started: 0 };
};

/** How many stdio servers started in this process since {@link markCliProcess} (0 outside the CLI). */
export const stdioServersStarted = (): number => markOf()?.started ?? 0;

/** Why a module that serves itself cannot also be served by the CLI, and what to do. */
export const selfServeMessage = (file: string): string =>
  `${file} starts its own stdio server (it calls serve() or serveStdio() when imported), and mcpkit serves ` +
  'the server it exports too: two servers would read stdin and answer every request. Pick one style: ' +
  `remove the serve() call and export the server (\`export default createServer(...)\`) for mcpkit run/dev/inspect/call, ` +
  `or keep serve() and start the file directly (\`npx tsx ${file}\`, or node on the built file).`;

/**
 * Called by `serveStdio()`: under the CLI, a second stdio server in the
 * process (the module's own `serve()` besides the CLI's) fails with a clear
 * message instead of two servers answering each request. A no-op otherwise.
 */
export const claimStdio = (): void => {
  const mark = markOf();
  if (!mark) return;
  mark.started += 1;
  if (mark.started > 1) throw new McpkitError('STDIO_TAKEN', selfServeMessage(mark.file));
};

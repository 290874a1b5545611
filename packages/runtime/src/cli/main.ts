#!/usr/bin/env node
/**
 * The `mcpkit` executable: runs the CLI on the process arguments and exits
 * with its code. `run` resolves only once the server has shut down; exiting
 * explicitly then stops whatever the user's module left open.
 * @module
 */
import { runCli } from './run-cli.js';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mcpkit: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

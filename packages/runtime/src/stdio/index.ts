/**
 * @mcpkit/runtime/stdio: serve a server over stdin/stdout.
 * @packageDocumentation
 */
export { type StdioOptions, type StdioServer, serveStdio } from './serve-stdio.js';

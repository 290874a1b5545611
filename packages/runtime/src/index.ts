/**
 * @mcpkit/runtime: bind an @mcpkit/core server to real sessions over
 * Streamable HTTP and legacy SSE (stdio lives at `@mcpkit/runtime/stdio`).
 * @packageDocumentation
 */
export type { CreateSession, Send, Session, SessionOptions } from './session/types.js';

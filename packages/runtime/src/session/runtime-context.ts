import { type Context, type Lifespan, McpkitError } from '@mcpkit/core';
import type { SessionHub } from './hub.js';
import type { RuntimeSessionInfo } from './runtime-session-info.js';

const runtimeSession = (ctx: Pick<Context, 'session'>, what: string): RuntimeSessionInfo => {
  const session = ctx.session as Partial<RuntimeSessionInfo>;
  if (!session || !('hub' in session) || session.hub === undefined) {
    throw new McpkitError(
      'NO_RUNTIME',
      `${what} needs a request served by @mcpkit/runtime (serve(), serveStdio(), a session hub); this context has none`,
    );
  }
  return session as RuntimeSessionInfo;
};

/** The session's lifespan fields, when it carries them (a runtime session, or createTestContext's). */
const lifespansOf = (ctx: Pick<Context, 'session'>): Pick<RuntimeSessionInfo, 'lifespan' | 'lifespans'> | undefined => {
  const session = ctx.session as Partial<RuntimeSessionInfo> | undefined;
  return session?.lifespans instanceof Map ? (session as RuntimeSessionInfo) : undefined;
};

/**
 * The hub serving this request: push resource updates from a handler.
 *
 * @example
 * run: async ({ value }, ctx) => { await save(value); hubOf(ctx).resourceUpdated('config://app'); }
 */
export const hubOf = (ctx: Pick<Context, 'session'>): SessionHub => runtimeSession(ctx, 'hubOf(ctx)').hub as SessionHub;

/**
 * The value a lifespan hook started (e.g. a database pool). With `hook`, that
 * hook's value, typed by it (the way a mounted server's handlers reach their
 * own); without, the served server's (or `serve()`'s) value, typed by the caller.
 * Throws when the request is not served by the runtime or the hook was not started.
 *
 * @example
 * run: async (_args, ctx) => lifespanOf(ctx, db).query('select 1')
 */
export function lifespanOf<T>(ctx: Pick<Context, 'session'>, hook: Lifespan<T>): T;
export function lifespanOf<T>(ctx: Pick<Context, 'session'>): T;
export function lifespanOf<T>(ctx: Pick<Context, 'session'>, hook?: Lifespan<T>): T {
  // createTestContext({ lifespan, lifespans }) supplies the same two fields without a hub.
  const session = lifespansOf(ctx) ?? runtimeSession(ctx, 'lifespanOf(ctx)');
  if (hook) {
    if (!session.lifespans.has(hook as Lifespan)) {
      throw new McpkitError('NO_LIFESPAN', 'lifespanOf(ctx, hook): that hook was not started by this runtime');
    }
    return session.lifespans.get(hook as Lifespan) as T;
  }
  if (session.lifespan === undefined) {
    throw new McpkitError(
      'NO_LIFESPAN',
      'lifespanOf(ctx): no lifespan hook was configured (serve(server, { lifespan }), or createTestContext({ lifespan }) in tests)',
    );
  }
  return session.lifespan as T;
}

/**
 * The server every instance of the example cluster runs: tools that show
 * which instance served a call, keep session state, ask the user, publish
 * resource updates and are rate-limited across the cluster.
 */
import { createServer, type Middleware, rateLimit, resource, type Store, tool } from '@mcpkit/core';
import { hubOf } from '@mcpkit/runtime';
import * as v from 'valibot';

/** The resource whose updates every subscriber hears, whichever instance publishes them. */
export const BOARD_URI = 'note://board';

/** Calls of `limited` one session may make, across every instance. */
export const LIMITED_CAPACITY = 3;

/** Options of {@link createClusterServer}. */
export interface ClusterServerOptions {
  /** The instance's name, as `whoami` answers it. */
  readonly instance: string;
  /** Where `limited`'s rate limit counts (shared by every instance). */
  readonly store: Store;
  /** The `requestState` secret, the same on every instance (2026-07-28 retries land anywhere). */
  readonly secret: string;
}

/** Rate-limits the `limited` tool only, so the other tools can be called freely. */
const limitOnly =
  (name: string, limiter: Middleware): Middleware =>
  (request, ctx, next) =>
    request.method === 'tools/call' && (request.params as { name?: unknown } | undefined)?.name === name
      ? limiter(request, ctx, next)
      : next();

/** The example server, as instance `options.instance` serves it. */
export const createClusterServer = (options: ClusterServerOptions) => {
  let board = 0;
  return createServer(
    { name: 'cluster-example', version: '1.0.0' },
    [
      tool({ name: 'whoami', description: 'Names the instance that served this call', run: () => options.instance }),
      tool({
        name: 'remember',
        description: 'Keeps a value in the session state (shared by every instance)',
        input: v.object({ key: v.string(), value: v.string() }),
        run: async ({ key, value }, ctx) => {
          await ctx.session.setState(key, value);
          return `remembered on ${options.instance}`;
        },
      }),
      tool({
        name: 'recall',
        description: 'Reads a value of the session state',
        input: v.object({ key: v.string() }),
        run: async ({ key }, ctx) => String((await ctx.session.getState(key)) ?? ''),
      }),
      tool({
        name: 'ask_name',
        description: 'Asks the user for a name (elicitation)',
        run: async (_args, ctx) => {
          const answer = await ctx.elicit({ message: 'Your name?', schema: v.object({ name: v.string() }) });
          return answer.action === 'accept' ? `hello ${answer.content.name} from ${options.instance}` : answer.action;
        },
      }),
      tool({
        name: 'touch_board',
        description: `Changes ${BOARD_URI} and tells its subscribers`,
        run: (_args, ctx) => {
          board += 1;
          hubOf(ctx).resourceUpdated(BOARD_URI);
          return `board touched on ${options.instance}`;
        },
      }),
      tool({
        name: 'limited',
        description: `At most ${LIMITED_CAPACITY} calls per session, counted across every instance`,
        run: () => 'ok',
      }),
      resource({ uri: BOARD_URI, name: 'board', read: () => `board #${board} on ${options.instance}` }),
    ],
    {
      middleware: [
        limitOnly('limited', rateLimit({ capacity: LIMITED_CAPACITY, refillPerSecond: 0.001, store: options.store })),
      ],
      input: { secret: options.secret },
    },
  );
};

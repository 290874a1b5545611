/**
 * mcpkit as built from this workspace (`dist/`): `tool()` descriptors folded by
 * `createServer`, served by `serve()` over Streamable HTTP or `serveStdio`.
 */
import { createServer, type Middleware, type Server, type Store, tool } from '@mcpkit/core';
import * as v from 'valibot';
import { fillerNames, type ServerArgs } from './args.js';

/** An mcpkit server with `add` and `tools - 1` filler tools. */
export const build = (tools = 1, middleware: readonly Middleware[] = []): Server =>
  createServer(
    { name: 'bench-mcpkit', version: '1.0.0' },
    ['add', ...fillerNames(tools)].map((name) =>
      tool({
        name,
        description: `Add two numbers (${name})`,
        input: v.object({ a: v.number(), b: v.number() }),
        run: ({ a, b }) => String(a + b),
      }),
    ),
    middleware.length ? { middleware } : {},
  );

/**
 * `--session-store memory|redis`: sessions shared through that store, with
 * every store call counted and the count served at `GET /store-calls`, so the
 * bench can say how many round trips a request costs.
 */
const sharedOptions = async (args: ServerArgs) => {
  const { createMemoryStore } = await import('@mcpkit/core');
  const store: Store =
    args.sessionStore === 'redis'
      ? (await import('@mcpkit/redis')).redisStore({ url: args.redisUrl })
      : createMemoryStore();
  let calls = 0;
  const counted = Object.fromEntries(
    Object.entries(store).map(([name, method]) => [
      name,
      (...rest: unknown[]) => {
        calls += 1;
        return (method as (...a: unknown[]) => unknown)(...rest);
      },
    ]),
  ) as unknown as Store;
  return { sessionStore: counted, routes: { 'GET /store-calls': () => Response.json({ calls }) } };
};

/**
 * `telemetry()` as the bench runs it: over the OpenTelemetry API alone (no
 * SDK registered: the no-op default), or with an SDK that records spans and
 * the duration metric but exports nothing (no span processor, no reader).
 */
const telemetryMiddleware = async (mode: ServerArgs['telemetry']): Promise<Middleware[]> => {
  if (mode === 'off') return [];
  const { telemetry } = await import('@mcpkit/otel');
  if (mode === 'api') return [telemetry()];
  const { BasicTracerProvider } = await import('@opentelemetry/sdk-trace-base');
  const { MeterProvider } = await import('@opentelemetry/sdk-metrics');
  return [telemetry({ tracerProvider: new BasicTracerProvider(), meterProvider: new MeterProvider() })];
};

/** Starts the mcpkit server; resolves to the endpoint URL (HTTP) or undefined (stdio). */
export const start = async (args: ServerArgs): Promise<string | undefined> => {
  const server = build(args.tools, await telemetryMiddleware(args.telemetry));
  if (args.transport === 'stdio') {
    const { serveStdio } = await import('@mcpkit/runtime/stdio');
    await serveStdio(server);
    return undefined;
  }
  const { serve } = await import('@mcpkit/runtime');
  const shared = args.sessionStore ? await sharedOptions(args) : {};
  const running = await serve(server, {
    transport: 'http',
    host: '127.0.0.1',
    port: args.port,
    json: args.json,
    stateless: args.stateless,
    // The other servers have no session cap; the default (10,000) would refuse the sessions scenario's later sessions.
    maxSessions: 1_000_000,
    ...shared,
  });
  return running.url;
};

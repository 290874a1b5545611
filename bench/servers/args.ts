/** How the runner asks a server under test to run (parsed from argv). */
export interface ServerArgs {
  readonly transport: 'http' | 'stdio';
  /** HTTP port chosen by the runner. */
  readonly port: number;
  /** Answer POSTs with one JSON body instead of an SSE stream. */
  readonly json: boolean;
  /** No sessions: a fresh server per request. */
  readonly stateless: boolean;
  /** Tools registered in total (`add` plus fillers). */
  readonly tools: number;
  /** mcpkit only: share sessions through this store (`--session-store memory|redis`); none by default. */
  readonly sessionStore: 'memory' | 'redis' | undefined;
  /** The Redis URL of `--session-store redis`. */
  readonly redisUrl: string | undefined;
  /**
   * mcpkit only: `telemetry()` in the middleware, with no OpenTelemetry SDK
   * (`api`: the API's no-op default) or with an SDK that exports nothing (`sdk`).
   */
  readonly telemetry: 'off' | 'api' | 'sdk';
}

const telemetryOf = (value: string | undefined): ServerArgs['telemetry'] => {
  if (value === undefined) return 'off';
  if (value === 'api' || value === 'sdk') return value;
  throw new Error(`unknown --telemetry ${value}`);
};

/** Parses `--transport http|stdio --port N --json --stateless --tools N --session-store memory|redis --redis-url URL --telemetry api|sdk`. */
export const parseServerArgs = (argv: readonly string[]): ServerArgs => {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const transport = value('--transport') ?? 'http';
  if (transport !== 'http' && transport !== 'stdio') throw new Error(`unknown transport ${transport}`);
  return {
    transport,
    port: Number(value('--port') ?? 0),
    json: argv.includes('--json'),
    stateless: argv.includes('--stateless'),
    tools: Number(value('--tools') ?? 1),
    sessionStore: sessionStoreOf(value('--session-store')),
    redisUrl: value('--redis-url'),
    telemetry: telemetryOf(value('--telemetry')),
  };
};

const sessionStoreOf = (value: string | undefined): ServerArgs['sessionStore'] => {
  if (value === undefined || value === 'memory' || value === 'redis') return value;
  throw new Error(`unknown session store ${value}`);
};

/** Names of the filler tools, so every library registers the same set. */
export const fillerNames = (total: number): string[] =>
  Array.from({ length: Math.max(0, total - 1) }, (_, i) => `tool_${i}`);

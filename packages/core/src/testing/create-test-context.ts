import type { AuthInfo } from '../context/auth.js';
import { toElicitOutcome, toElicitParams, toSamplingParams } from '../context/client-requests.js';
import type {
  ComponentRef,
  ComponentSelector,
  Context,
  ElicitOutcome,
  ElicitRequest,
  Logger,
  LogMethod,
  SampleRequest,
  SessionInfo,
} from '../context/context.js';
import { everythingEnabled } from '../context/defaults.js';
import type { HttpRequestInfo } from '../context/http.js';
import { LOG_LEVELS } from '../context/log-levels.js';
import { mapStateMethods } from '../context/map-state.js';
import { isEnabledUnder } from '../context/visibility-rules.js';
import { ClientUnavailableError } from '../errors/errors.js';
import type { InputAnswers } from '../input/answers.js';
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitResult,
  Implementation,
  LoggingLevel,
  Root,
} from '../protocol/types.js';
import type { Server } from '../server/server.js';
import type { MaybePromise } from '../utils/maybe-promise.js';
import { type TestLifespanOptions, testLifespans } from './test-lifespans.js';

/** A scripted answer to a sampling request: a result, or just its text. */
export type SampleAnswer = (params: CreateMessageRequestParams) => MaybePromise<CreateMessageResult | string>;

/** A scripted answer to an elicitation request. */
export type ElicitAnswer = (params: ElicitRequestFormParams | ElicitRequestURLParams) => MaybePromise<ElicitResult>;

/** Options of {@link createTestContext}. */
export interface TestContextOptions extends TestLifespanOptions {
  /** Answers `ctx.sample()`; without it, sampling fails as with a client that lacks the capability. */
  readonly sample?: SampleAnswer;
  /** Answers `ctx.elicit()`; without it, elicitation fails likewise. */
  readonly elicit?: ElicitAnswer;
  /** What `ctx.roots()` returns; without it, roots fail likewise. */
  readonly roots?: readonly Root[];
  /** Lets `ctx.readResource()` read this server's resources. */
  readonly server?: Server;
  readonly signal?: AbortSignal;
  readonly requestId?: string | number;
  readonly meta?: Record<string, unknown>;
  readonly sessionId?: string;
  /** Who the request is from, as a transport's authentication would set it. */
  readonly auth?: AuthInfo;
  /** The HTTP request that carried it (`ctx.http`), as an HTTP transport would show it; none by default. */
  readonly http?: HttpRequestInfo;
  /** `ctx.input`: the answers a handler re-entered after `inputRequired()` reads. */
  readonly input?: InputAnswers;
  readonly state?: Map<string, unknown>;
  readonly clientInfo?: Implementation;
  readonly clientCapabilities?: ClientCapabilities;
}

/** What a test context recorded. */
export interface Recording {
  readonly logs: { level: LoggingLevel; data: unknown; logger?: string }[];
  readonly progress: { progress: number; total?: number; message?: string }[];
  readonly samples: CreateMessageRequestParams[];
  readonly elicitations: (ElicitRequestFormParams | ElicitRequestURLParams)[];
  /** Each enable/disable call, in order. */
  readonly visibility: { action: 'enable' | 'disable'; selector: ComponentSelector }[];
}

/** A context for unit tests that records what handlers did. */
export type TestContext = Context & { readonly recorded: Recording };

const missing = (what: string) => () =>
  Promise.reject(
    new ClientUnavailableError('no-client', `${what} was not scripted: pass it to createTestContext({ ... })`),
  );

/**
 * Makes a {@link Context} for calling handlers in plain unit tests: it
 * records logs, progress, sampling and elicitation requests, and answers
 * client requests with the functions you script.
 *
 * @example
 * const ctx = createTestContext({ sample: () => 'a haiku' });
 * const result = await server.callTool('write', { topic: 'sea' }, ctx);
 * expect(ctx.recorded.samples).toHaveLength(1);
 */
export const createTestContext = (options: TestContextOptions = {}): TestContext => {
  const recorded: Recording = { logs: [], progress: [], samples: [], elicitations: [], visibility: [] };
  const log = (level: LoggingLevel, data: unknown, logger?: string) => {
    recorded.logs.push(logger === undefined ? { level, data } : { level, data, logger });
  };
  const logger = Object.fromEntries(
    LOG_LEVELS.map((level) => [level, ((data, name) => log(level, data, name)) as LogMethod]),
  );
  const disabled: { action: 'enable' | 'disable'; selector: ComponentSelector }[] = recorded.visibility;
  const state = options.state ?? new Map<string, unknown>();
  const session: SessionInfo = {
    ...testLifespans(options),
    id: options.sessionId,
    state,
    ...mapStateMethods(() => state),
    clientInfo: options.clientInfo,
    clientCapabilities: options.clientCapabilities,
    protocolVersion: undefined,
    enable: (selector) => void disabled.push({ action: 'enable', selector }),
    disable: (selector) => void disabled.push({ action: 'disable', selector }),
    // The last enable/disable that names a component decides; with none recorded, everything is visible
    // (core's `everythingEnabled`, which also lets caches and fast paths apply, as in the runtime).
    get isEnabled() {
      if (disabled.length === 0) return everythingEnabled;
      return (ref: ComponentRef) => isEnabledUnder(disabled, ref, (entry) => entry.action === 'enable');
    },
  };
  const sample = options.sample
    ? async (request: SampleRequest): Promise<CreateMessageResult> => {
        const params = toSamplingParams(request);
        recorded.samples.push(params);
        const answer = await (options.sample as SampleAnswer)(params);
        return typeof answer === 'string'
          ? { role: 'assistant', content: { type: 'text', text: answer }, model: 'test-model' }
          : answer;
      }
    : missing('Sampling');
  const elicit = options.elicit
    ? async (request: ElicitRequest): Promise<ElicitOutcome<unknown>> => {
        const params = toElicitParams(request);
        recorded.elicitations.push(params);
        return toElicitOutcome(request, await (options.elicit as ElicitAnswer)(params));
      }
    : missing('Elicitation');
  const server = options.server;
  return {
    requestId: options.requestId,
    signal: options.signal ?? new AbortController().signal,
    meta: options.meta,
    state: new Map(),
    auth: options.auth,
    http: options.http,
    log: { ...logger, log } as Logger,
    progress: async (progress, total, message) => {
      recorded.progress.push({
        progress,
        ...(total !== undefined && { total }),
        ...(message !== undefined && { message }),
      });
    },
    session,
    sample,
    elicit: elicit as Context['elicit'],
    roots: options.roots ? async () => [...(options.roots as Root[])] : missing('Roots'),
    readResource: server ? (uri) => server.readResource(uri) : missing('readResource (pass { server })'),
    input: options.input,
    recorded,
  };
};

import type { InputAnswers } from '../input/answers.js';
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  Implementation,
  LoggingLevel,
  ReadResourceResult,
  RequestId,
  Root,
} from '../protocol/types.js';
import type { SessionControl } from '../request/request.js';
import type { AnySchema, OutputOf } from '../schema/any-schema.js';
import type { AuthInfo } from './auth.js';
import type { ComponentRef, ComponentSelector } from './component-ref.js';
import type { HttpRequestInfo } from './http.js';

/** Writes `notifications/message` log entries to the client. */
export type LogMethod = (data: unknown, logger?: string) => void;

/** One method per MCP log level, plus `log(level, …)`. */
export interface Logger {
  readonly debug: LogMethod;
  readonly info: LogMethod;
  readonly notice: LogMethod;
  readonly warning: LogMethod;
  readonly error: LogMethod;
  readonly critical: LogMethod;
  readonly alert: LogMethod;
  readonly emergency: LogMethod;
  readonly log: (level: LoggingLevel, data: unknown, logger?: string) => void;
}

export type { ComponentRef, ComponentSelector } from './component-ref.js';

/** What a handler knows about the session it serves. */
export interface SessionInfo {
  /** The session id; `undefined` in stateless mode and in tests. */
  readonly id: string | undefined;
  /**
   * State that lives as long as the session; private to it. With a shared
   * session store (several instances) it is loaded when a request starts and
   * saved when it ends, so its values must be JSON; prefer `getState`/`setState`.
   */
  readonly state: Map<string, unknown>;
  /**
   * Reads one session state value. With a shared session store it reads the
   * store, so it sees what a request on another instance wrote.
   */
  readonly getState: <T = unknown>(key: string) => Promise<T | undefined>;
  /** Writes one session state value (JSON with a shared session store), saved before it resolves. */
  readonly setState: (key: string, value: unknown) => Promise<void>;
  /** Removes one session state value; answers whether it was there. */
  readonly deleteState: (key: string) => Promise<boolean>;
  /** The client's `clientInfo` from initialize. */
  readonly clientInfo: Implementation | undefined;
  /** What the client declared it supports. */
  readonly clientCapabilities: ClientCapabilities | undefined;
  /** The negotiated protocol revision. */
  readonly protocolVersion: string | undefined;
  /** Shows components to this session again (and tells the client the lists changed). */
  readonly enable: (selector: ComponentSelector) => void;
  /** Hides components from this session (and tells the client the lists changed). */
  readonly disable: (selector: ComponentSelector) => void;
  /** Whether this session sees a component, by its kind, key (final name or URI) and tags. */
  readonly isEnabled: (component: ComponentRef) => boolean;
}

/** A sampling request: a prompt string or the full `sampling/createMessage` params. */
export type SampleRequest =
  | string
  | (Omit<CreateMessageRequestParams, 'messages' | 'maxTokens'> & {
      readonly messages: string | CreateMessageRequestParams['messages'];
      readonly maxTokens?: number;
    });

/**
 * A form-mode elicitation: `schema` is an object schema of flat primitive
 * fields (valibot, or any Standard Schema library that produces JSON Schema).
 */
export interface ElicitFormRequest<TSchema extends AnySchema = AnySchema> {
  readonly mode?: 'form';
  readonly message: string;
  readonly schema: TSchema;
}

/** A form-mode elicitation with a hand-written JSON Schema; `content` comes back unvalidated. */
export interface ElicitRawFormRequest {
  readonly mode?: 'form';
  readonly message: string;
  readonly requestedSchema: Readonly<Record<string, unknown>>;
}

/** A URL-mode elicitation (MCP 2025-11-25): the user completes a flow in a browser. */
export interface ElicitUrlRequest {
  readonly mode: 'url';
  readonly message: string;
  readonly url: string;
  /** Defaults to a random id. */
  readonly elicitationId?: string;
}

/** Any elicitation request. */
export type ElicitRequest = ElicitFormRequest | ElicitRawFormRequest | ElicitUrlRequest;

/** The user's answer to an elicitation. `content` is validated against the schema. */
export type ElicitOutcome<T> =
  | { readonly action: 'accept'; readonly content: T }
  | { readonly action: 'decline' }
  | { readonly action: 'cancel' };

/** Elicits input from the user through the client. */
export interface Elicit {
  <TSchema extends AnySchema>(request: ElicitFormRequest<TSchema>): Promise<ElicitOutcome<OutputOf<TSchema, never>>>;
  (request: ElicitRawFormRequest): Promise<ElicitOutcome<Record<string, unknown>>>;
  (request: ElicitUrlRequest): Promise<ElicitOutcome<undefined>>;
}

/**
 * What every handler receives as its second argument. The runtime supplies a
 * real one per request; `createTestContext()` supplies one for unit tests.
 */
export interface Context {
  /** The JSON-RPC id of the request being served (`undefined` for direct calls). */
  readonly requestId: RequestId | undefined;
  /** Aborted when the client cancels the request, the tool times out or the session ends. */
  readonly signal: AbortSignal;
  /** The request's `_meta`, as sent by the client. */
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  /** State for this request only: middleware puts values here for handlers (and later middleware). */
  readonly state: Map<string, unknown>;
  /** Logs to the client (`notifications/message`), filtered by the session's level. */
  readonly log: Logger;
  /** Reports progress when the request carried a progress token; otherwise does nothing. */
  readonly progress: (progress: number, total?: number, message?: string) => Promise<void>;
  /** Who made the request, when the transport authenticated it. */
  readonly auth: AuthInfo | undefined;
  /**
   * The HTTP request that carried this one (method, URL, headers without
   * credentials unless exposed), on the HTTP and SSE transports; `undefined`
   * on stdio and for direct calls.
   */
  readonly http?: HttpRequestInfo;
  /** The session serving this request. */
  readonly session: SessionInfo;
  /** Asks the client's model for a completion (`sampling/createMessage`). */
  readonly sample: (request: SampleRequest) => Promise<CreateMessageResult>;
  /** Asks the user for input through the client (`elicitation/create`). */
  readonly elicit: Elicit;
  /** Lists the client's roots (`roots/list`). */
  readonly roots: () => Promise<Root[]>;
  /** Reads one of this server's own resources. */
  readonly readResource: (uri: string) => Promise<ReadResourceResult>;
  /**
   * The client's answers when the handler runs again after asking for input
   * (`return inputRequired(...)`); `undefined` on a first run.
   */
  readonly input: InputAnswers | undefined;
  /**
   * Internal: what the session serving this request does for the methods a
   * session answers (`initialize`, `logging/setLevel`, subscriptions). Set by
   * the runtime; absent for direct calls and in tests.
   */
  readonly '~session'?: SessionControl;
}

/** The parts of a {@link Context} a caller may supply; the server fills in the rest. */
export type ContextInput = Partial<Context>;

/**
 * The live side of one request, as a runtime supplies it: where logs, progress
 * and client requests go, what aborts it, and its session. The request's own
 * facts (id, `_meta`, auth) come from the request itself, never from here.
 */
export type RequestWiring = Pick<
  ContextInput,
  'signal' | 'state' | 'log' | 'progress' | 'session' | 'sample' | 'elicit' | 'roots' | '~session'
>;

import type { Context } from '../context/context.js';
import { isLogLevel, LOG_LEVELS } from '../context/log-levels.js';
import { ErrorCode } from '../errors/codes.js';
import { ProtocolError } from '../errors/errors.js';
import type { Handler } from '../middleware/middleware.js';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../protocol/modern.js';
import type { Implementation, ServerCapabilities } from '../protocol/types.js';
import type { SessionControl } from '../request/request.js';
import { initializeResult, readHello } from './initialize.js';

/** The session serving the request; without one (a direct call) the method does not exist. */
const controlOf = (ctx: Context, method: string): SessionControl => {
  const control = ctx['~session'];
  if (!control) throw new ProtocolError(ErrorCode.MethodNotFound, `Method not found: ${method}`);
  return control;
};

const invalid = (message: string) => new ProtocolError(ErrorCode.InvalidParams, message);

const subscription =
  (method: string, act: (control: SessionControl, uri: string, ctx: Context) => void): Handler =>
  async (params, ctx) => {
    const control = controlOf(ctx, method);
    if (typeof params.uri !== 'string' || params.uri === '') throw invalid('params.uri must be a non-empty string');
    act(control, params.uri, ctx);
    return {};
  };

/**
 * The methods about the server and the session rather than its components,
 * in the server's one method table so they run through the same middleware as
 * every other: `server/discover`, and those that act on the session (or, for
 * `subscriptions/listen`, on the request's stream) through its {@link SessionControl}.
 */
export const sessionMethods = (server: {
  readonly info: Implementation;
  readonly instructions: string | undefined;
  readonly capabilities: ServerCapabilities;
}): [string, Handler][] => [
  [
    'initialize',
    async (params, ctx) => {
      const control = controlOf(ctx, 'initialize');
      const hello = readHello(params);
      control.initialize(hello);
      return initializeResult(server, hello.protocolVersion);
    },
  ],
  [
    'logging/setLevel',
    async (params, ctx) => {
      const control = controlOf(ctx, 'logging/setLevel');
      if (!isLogLevel(params.level)) throw invalid(`Invalid log level: expected one of ${LOG_LEVELS.join(', ')}`);
      control.setLogLevel(params.level);
      return {};
    },
  ],
  ['resources/subscribe', subscription('resources/subscribe', (control, uri, ctx) => control.subscribe(uri, ctx.auth))],
  ['resources/unsubscribe', subscription('resources/unsubscribe', (control, uri) => control.unsubscribe(uri))],
  [
    'subscriptions/listen',
    async (params, ctx) => {
      const listen = ctx['~session']?.listen;
      // Only a transport holding the request's stream open can serve a subscription.
      if (!listen) throw new ProtocolError(ErrorCode.MethodNotFound, 'Method not found: subscriptions/listen');
      return listen(params.notifications, ctx.auth);
    },
  ],
  [
    'server/discover',
    async () => ({
      supportedVersions: [...SUPPORTED_PROTOCOL_VERSIONS],
      capabilities: server.capabilities,
      ...(server.instructions ? { instructions: server.instructions } : {}),
    }),
  ],
];

import {
  ClientUnavailableError,
  type Context,
  type CreateMessageResult,
  type ElicitRequest,
  type ElicitResult,
  type Root,
  toElicitOutcome,
  toElicitParams,
  toSamplingParams,
} from '@mcpkit/core';
import { isRecord } from './messages.js';
import { createOutbox } from './outbox.js';
import type { SessionCore } from './session-core.js';
import type { Send } from './types.js';

/** Where outgoing requests of one incoming request go, and what cancels them. */
export interface OutgoingRoute {
  readonly send: () => Send | undefined;
  /** Made on first use: most requests never call the client. */
  readonly signal: () => AbortSignal;
}

const missing = (feature: string, capability: string) =>
  new ClientUnavailableError(
    'capability',
    `${feature} is not available: the client did not declare the '${capability}' capability at initialize`,
  );

/** Why the client cannot be asked anything right now, or undefined when it can. */
const unreachable = (core: SessionCore, feature: string, route: OutgoingRoute): ClientUnavailableError | undefined => {
  if (core.stateless)
    return new ClientUnavailableError(
      'stateless',
      `${feature} needs a stateful session: this server runs stateless, so it cannot send requests to the client`,
    );
  if (core.closed) return new ClientUnavailableError('closed', `${feature} failed: the session is closed`);
  if (!route.send())
    return new ClientUnavailableError('no-channel', `${feature} failed: there is no open channel to the client`);
  return undefined;
};

/**
 * Sends one request to the client. Why it cannot be sent at all (stateless,
 * closed, no channel) is reported before a missing capability (`lacking`).
 */
const ask = async (
  core: SessionCore,
  feature: string,
  route: OutgoingRoute,
  method: string,
  params: object,
  lacking: ClientUnavailableError | undefined,
) => {
  const problem = unreachable(core, feature, route) ?? lacking;
  if (problem) throw problem;
  core.outbox ??= createOutbox(core.outboxPrefix);
  return core.outbox.request(method, params as Record<string, unknown>, route.send() as Send, route.signal());
};

/** Which elicitation modes the client declared; an empty `elicitation: {}` means form only. */
const elicitModes = (core: SessionCore): { form: boolean; url: boolean } => {
  const declared = core.record.hello?.capabilities.elicitation;
  if (!isRecord(declared)) return { form: false, url: false };
  const hasForm = 'form' in declared;
  const hasUrl = 'url' in declared;
  return { form: hasForm || !hasUrl, url: hasUrl };
};

/** `ctx.sample`, `ctx.elicit` and `ctx.roots` for one request. */
export const clientFeatures = (
  core: SessionCore,
  route: OutgoingRoute,
): Pick<Context, 'sample' | 'elicit' | 'roots'> => ({
  sample: async (request) => {
    const sampling = core.record.hello?.capabilities.sampling;
    const params = toSamplingParams(request);
    const lacking = !sampling
      ? missing('Sampling (ctx.sample)', 'sampling')
      : params.tools?.length && !isRecord((sampling as Record<string, unknown>).tools)
        ? missing('Sampling with tools (ctx.sample)', 'sampling.tools')
        : undefined;
    return (await ask(
      core,
      'Sampling (ctx.sample)',
      route,
      'sampling/createMessage',
      params,
      lacking,
    )) as CreateMessageResult;
  },
  elicit: (async (request: ElicitRequest) => {
    const mode = request.mode === 'url' ? 'url' : 'form';
    const feature = `Elicitation in ${mode} mode (ctx.elicit)`;
    const lacking = elicitModes(core)[mode]
      ? undefined
      : missing(feature, mode === 'url' ? 'elicitation.url' : 'elicitation');
    const result = (await ask(
      core,
      feature,
      route,
      'elicitation/create',
      toElicitParams(request),
      lacking,
    )) as ElicitResult;
    return toElicitOutcome(request, result);
  }) as Context['elicit'],
  roots: async () => {
    const lacking = core.record.hello?.capabilities.roots ? undefined : missing('Listing roots (ctx.roots)', 'roots');
    const result = await ask(core, 'Listing roots (ctx.roots)', route, 'roots/list', {}, lacking);
    return (isRecord(result) && Array.isArray(result.roots) ? result.roots : []) as Root[];
  },
});

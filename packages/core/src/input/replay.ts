import { toElicitOutcome } from '../context/client-requests.js';
import type { Context, ElicitRequest, SampleRequest } from '../context/context.js';
import { McpkitError } from '../errors/errors.js';
import type { InputRequest } from '../protocol/input-requests.js';
import type { CreateMessageResult, ElicitResult, Root } from '../protocol/types.js';
import type { InputAnswers } from './answers.js';
import { ask, type InputRequired } from './input-required.js';

/** The key a replayed call's request goes out under: its position among the handler's client calls. */
const keyOf = (index: number) => `mcpkit/ask/${index}`;

/**
 * `ctx.elicit`, `ctx.sample` and `ctx.roots` of a 2026-07-28 request, which
 * sends no requests to the client: calls answered in earlier rounds return
 * their answers again, in order; the first unanswered one ends the round with
 * an `input_required` for it (the answers so far sealed into the state), and
 * the retry runs the handler again from the top. With replay off, each call
 * fails with an error naming `inputRequired()`.
 */
export const replayFeatures = (
  input: InputAnswers | undefined,
  replay: boolean,
): Pick<Context, 'elicit' | 'sample' | 'roots'> => {
  // A first round (most requests) has nothing to replay: shared functions, nothing made per request.
  if (input === undefined) return replay ? FIRST_ROUND : FIRST_ROUND_STRICT;
  return replayer(input, replay);
};

const replayer = (input: InputAnswers | undefined, replay: boolean): Pick<Context, 'elicit' | 'sample' | 'roots'> => {
  const log = [...(input?.['~replay'] ?? [])];
  let calls = 0;
  const next = async <T>(request: InputRequest, toAnswer: (raw: never) => T | Promise<T>): Promise<T> => {
    const index = calls++;
    if (index < log.length) return toAnswer(log[index] as never);
    const answer = index === log.length ? input?.responses[keyOf(index)] : undefined;
    if (answer !== undefined) {
      log.push(answer);
      return toAnswer(answer as never);
    }
    if (!replay)
      throw new McpkitError(
        'NO_CLIENT',
        `${request.method} cannot be sent to the client on a 2026-07-28 request with replay off: return inputRequired({ requests }) instead`,
      );
    const asked: InputRequired = {
      kind: 'input_required',
      requests: { [keyOf(index)]: request },
      state: input?.state,
      '~replay': [...log],
    };
    throw asked;
  };
  return {
    elicit: ((request: ElicitRequest) =>
      next(ask.elicit(request), (raw: ElicitResult) => toElicitOutcome(request, raw))) as Context['elicit'],
    sample: (request: SampleRequest) => next(ask.sample(request), (raw: CreateMessageResult) => raw),
    roots: () => next(ask.roots(), (raw: { roots?: Root[] }) => raw.roots ?? []),
  };
};

/** The client calls of a first round, shared: each asks its request as the first unanswered one. */
const firstRound = (replay: boolean): Pick<Context, 'elicit' | 'sample' | 'roots'> => {
  const ask = () => replayer(undefined, replay);
  return Object.freeze({
    elicit: ((request: ElicitRequest) => ask().elicit(request as never)) as Context['elicit'],
    sample: (request: SampleRequest) => ask().sample(request),
    roots: () => ask().roots(),
  });
};
const FIRST_ROUND = firstRound(true);
const FIRST_ROUND_STRICT = firstRound(false);

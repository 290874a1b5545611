import type { InputResponses } from '../protocol/input-requests.js';

/**
 * What a handler re-entered after asking for input finds in `ctx.input`: the
 * client's answers by the keys it asked with, and the state it carried
 * (verified: on 2026-07-28 it came back sealed in `requestState`).
 */
export interface InputAnswers {
  /** The client's results by key (an `ElicitResult`, a `CreateMessageResult` or a `ListRootsResult` each). */
  readonly responses: InputResponses;
  /** The `state` of the handler's last `inputRequired()`. */
  readonly state: unknown;
  /** Internal: answers to earlier `ctx.elicit()`/`ctx.sample()`/`ctx.roots()` calls, in call order (replay). */
  readonly '~replay'?: readonly unknown[];
}

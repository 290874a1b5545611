import type { ServerResponse } from 'node:http';

/** Default `maxBatchedReplies`: 64. */
export const DEFAULT_MAX_BATCHED_REPLIES = 64;

/** Ends whole replies together at the end of the event-loop turn: see `CommonHttpOptions.maxBatchedReplies`. */
export interface ReplyBatch {
  /** Ends `res` with `body`: with the rest of this turn's replies, or at once when batching is off. */
  readonly end: (res: ServerResponse, body: string | Buffer | undefined) => void;
}

const endNow = (res: ServerResponse, body: string | Buffer | undefined): void => {
  // A client that left while its reply waited has nothing to receive it.
  if (res.destroyed) return;
  try {
    res.end(body);
  } catch {
    res.destroy();
  }
};

/**
 * Holds the whole replies answered during one event-loop turn and writes them
 * back to back once the turn's ready requests have all been read and
 * answered (Redis writes its replies the same way). A write to a socket whose
 * reader is asleep pays for waking it, an inter-processor interrupt and on a
 * VM an exit to the hypervisor, often more than the request's own work;
 * written together, a turn's replies mostly find their readers awake. At most
 * `max` wait: the next one writes them all with it, which bounds what a long
 * turn adds to the first reply's latency. `max` of 0 (or less) ends each reply at once.
 */
export const createReplyBatch = (max: number): ReplyBatch => {
  if (!(max > 0)) return { end: endNow };
  let responses: ServerResponse[] = [];
  let bodies: (string | Buffer | undefined)[] = [];
  let scheduled = false;
  const write = () => {
    const ending = responses;
    const endingBodies = bodies;
    responses = [];
    bodies = [];
    for (let i = 0; i < ending.length; i++) endNow(ending[i] as ServerResponse, endingBodies[i]);
  };
  const atTurnEnd = () => {
    scheduled = false;
    write();
  };
  return {
    end: (res, body) => {
      responses.push(res);
      bodies.push(body);
      if (responses.length > max) write();
      else if (!scheduled) {
        scheduled = true;
        // The check phase: it follows the poll phase, which handles every socket that was ready this turn.
        setImmediate(atTurnEnd);
      }
    },
  };
};

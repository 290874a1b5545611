/** Lines that share one write to the output: one syscall for many messages. */
export interface BatchedWriter {
  /** Queues `line` (newline included) behind everything queued before it. */
  readonly write: (line: string) => void;
  /** Writes everything queued now, in order. Safe to call at any time. */
  readonly flush: () => void;
}

/** Past this many queued characters a batch is written at once, so memory stays bounded. */
const MAX_BATCH_CHARS = 64 * 1024;

/**
 * Collects the lines written during one turn of the event loop and writes them
 * with a single `output.write`, on `setImmediate` (no timer delay: that runs as
 * soon as the current I/O callbacks and their promise jobs are done). On Linux
 * a write to a stdout pipe is a synchronous syscall, so answering 32 requests
 * that arrived in one chunk costs one syscall instead of 32. One queue keeps
 * the order; `flush()` must be called before the output is given up. A write
 * that throws goes to `onError` (it may run outside any caller's stack).
 */
export const createBatchedWriter = (
  output: NodeJS.WritableStream,
  onError: (error: unknown) => void,
): BatchedWriter => {
  let queued = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (queued === '') return;
    const chunk = queued;
    queued = '';
    try {
      output.write(chunk);
    } catch (error) {
      // A stream that throws (rather than emitting 'error') is broken all the same.
      onError(error);
    }
  };
  const write = (line: string) => {
    queued += line;
    if (queued.length >= MAX_BATCH_CHARS) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return { write, flush };
};

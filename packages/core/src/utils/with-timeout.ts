/** Thrown (internally) when a deadline passes; callers turn it into their own error. */
export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * Runs `task` with a signal that aborts when `parent` aborts or `ms` passes,
 * and rejects with {@link DeadlineExceeded} at the deadline even if the task
 * ignores its signal.
 */
export const withTimeout = <T>(
  ms: number | undefined,
  parent: AbortSignal,
  task: (signal: AbortSignal) => T | Promise<T>,
): Promise<T> => {
  if (ms === undefined) return Promise.resolve().then(() => task(parent));
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason);
  if (parent.aborted) controller.abort(parent.reason);
  else parent.addEventListener('abort', onParentAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineExceeded(ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  return Promise.race([Promise.resolve().then(() => task(controller.signal)), deadline]).finally(() => {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
  });
};

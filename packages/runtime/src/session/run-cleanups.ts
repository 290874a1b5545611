/**
 * Runs `ctx.session.onClose` hooks (a session's when it closes, a 2026
 * request's when it ends), from a copy so a hook may register or remove
 * others; one failing does not stop the rest. `what` names the owner in the log.
 */
export const runCleanups = (cleanups: Set<() => void> | undefined, what: 'session' | 'request'): void => {
  if (!cleanups?.size) return;
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch (error) {
      console.error(`mcpkit: a ${what} cleanup failed:`, error);
    }
  }
};

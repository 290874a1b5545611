import { ProtocolError, tool } from '@mcpkit/core';

/**
 * Diagnostic tools the 2026-07-28 `server-stateless` scenario calls to probe
 * per-request rules: capability checks, what a response stream may carry, and
 * logging only when the request asked for a level.
 */

/** MissingRequiredClientCapability (2026-07-28; `data.requiredCapabilities` is a ClientCapabilities object). */
const MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;

/** `test_missing_capability`: needs the client's `sampling` capability and refuses the call without it. */
export const missingCapability = tool({
  name: 'test_missing_capability',
  description: 'Requires the sampling client capability; refuses the call with -32021 when it is not declared',
  run: (_args, ctx) => {
    if (!ctx.session.clientCapabilities?.sampling) {
      throw new ProtocolError(MISSING_REQUIRED_CLIENT_CAPABILITY, 'Missing required client capability: sampling', {
        requiredCapabilities: { sampling: {} },
      });
    }
    return 'Success';
  },
});

/** `test_streaming_elicitation`: reports progress on its own response stream, and sends no request to the client. */
export const streamingElicitation = tool({
  name: 'test_streaming_elicitation',
  description: 'Sends a progress notification on its response stream, then completes',
  run: async (_args, ctx) => {
    await ctx.progress(50, 100);
    return 'Streaming complete';
  },
});

/** `test_logging_tool`: logs one message, which only a request with a log level may receive. */
export const loggingTool = tool({
  name: 'test_logging_tool',
  description: 'Logs one info message (delivered only when the request asked for a log level)',
  run: (_args, ctx) => {
    ctx.log.info('Diagnostic trace logging activated');
    return 'Logging evaluated';
  },
});

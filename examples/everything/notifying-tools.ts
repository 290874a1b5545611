import { tool } from '@mcpkit/core';

/** Tools that send notifications while they run: log messages and progress. */

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** `tools-call-with-logging`: three info logs, ~50 ms apart. */
export const toolWithLogging = tool({
  name: 'test_tool_with_logging',
  description: 'Sends three info log messages while it runs',
  run: async (_args, ctx) => {
    ctx.log.info('Tool execution started');
    await pause(50, ctx.signal);
    ctx.log.info('Tool processing data');
    await pause(50, ctx.signal);
    ctx.log.info('Tool execution completed');
    return 'Tool with logging executed successfully';
  },
});

/** `tools-call-with-progress`: 0, 50 and 100 out of 100, ~50 ms apart. */
export const toolWithProgress = tool({
  name: 'test_tool_with_progress',
  description: 'Reports progress 0/100, 50/100 and 100/100',
  run: async (_args, ctx) => {
    await ctx.progress(0, 100);
    await pause(50, ctx.signal);
    await ctx.progress(50, 100);
    await pause(50, ctx.signal);
    await ctx.progress(100, 100);
    return 'Tool with progress executed successfully';
  },
});

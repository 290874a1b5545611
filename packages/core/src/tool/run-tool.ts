import type { Context } from '../context/context.js';
import { isProtocolError, ToolError } from '../errors/errors.js';
import { isInputRequired, passInput } from '../input/input-required.js';
import type { CallToolResult } from '../protocol/types.js';
import { validate } from '../schema/validate.js';
import { DeadlineExceeded, withTimeout } from '../utils/with-timeout.js';
import { isCallResult, type Serializer, serialize, toCallResult, toolErrorResult } from './call-result.js';
import { parseToolArgs } from './parse-args.js';
import type { ToolDescriptor } from './tool.js';

/** Server options that shape how tools run. */
export interface ToolRunOptions {
  readonly serializer?: Serializer;
  /** Replace the message of unexpected errors with a generic one (ToolError messages are kept). */
  readonly maskErrorDetails?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: runs tools of any type
type AnyTool = ToolDescriptor<any, any>;

const structuredResult = async (tool: AnyTool, value: unknown, options: ToolRunOptions): Promise<CallToolResult> => {
  const checked = await validate(tool.output, value);
  if (!checked.ok) {
    return toolErrorResult(
      `Tool '${tool.name}' returned a result that does not match its output schema: ${checked.message}`,
    );
  }
  const structured = (tool.wrapsOutput ? { result: checked.value } : checked.value) as Record<string, unknown>;
  return {
    content: [{ type: 'text', text: serialize(checked.value, options.serializer) }],
    structuredContent: structured,
  };
};

const errorResult = (tool: AnyTool, error: unknown, options: ToolRunOptions): CallToolResult => {
  // Protocol errors, and a request for input, travel on to the dispatcher.
  if (isProtocolError(error) || isInputRequired(error)) throw error;
  if (error instanceof ToolError) return toolErrorResult(error.message);
  if (error instanceof DeadlineExceeded) return toolErrorResult(`Tool '${tool.name}' timed out after ${error.ms} ms`);
  if (options.maskErrorDetails) return toolErrorResult(`Error calling tool '${tool.name}'`);
  const message = error instanceof Error ? error.message || error.name : String(error);
  return toolErrorResult(message);
};

/**
 * Calls a tool the way `tools/call` does: validates (and repairs stringified)
 * arguments, runs the handler under its timeout, and converts the return value
 * or the error into a call result. Only a {@link ProtocolError} escapes.
 */
export const runTool = async (
  tool: AnyTool,
  rawArgs: unknown,
  ctx: Context,
  options: ToolRunOptions,
): Promise<CallToolResult> => {
  // Most schemas are synchronous: no turn of the event loop is spent waiting on them.
  const parsed = parseToolArgs(tool, rawArgs);
  const args = parsed instanceof Promise ? await parsed : parsed;
  if (typeof args === 'string') return toolErrorResult(args);
  try {
    // Without a timeout the handler gets the request's own context (and its signal is only made if read).
    const value =
      tool.timeoutMs === undefined
        ? await tool.run(args, ctx)
        : await withTimeout(tool.timeoutMs, ctx.signal, (signal) => tool.run(args, { ...ctx, signal }));
    passInput(value);
    if (tool.output && !isCallResult(value)) return await structuredResult(tool, value, options);
    return toCallResult(value, { serializer: options.serializer, mimeType: tool.mimeType, toolName: tool.name });
  } catch (error) {
    return errorResult(tool, error, options);
  }
};

import { ErrorCode } from '../errors/codes.js';
import { isProtocolError, ProtocolError } from '../errors/errors.js';
import { type InputRequired, isInputRequired } from '../input/input-required.js';

/**
 * Normalises an error thrown by a resource or prompt handler into a JSON-RPC
 * error: protocol errors pass through, anything else is an internal error whose
 * message is kept unless details are masked.
 */
export const handlerError = (
  error: unknown,
  what: string,
  mask: boolean | undefined,
): ProtocolError | InputRequired => {
  // A request for input is not an error: it travels on to the dispatcher as it is.
  if (isProtocolError(error) || isInputRequired(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ProtocolError(ErrorCode.InternalError, mask ? `Error ${what}` : `Error ${what}: ${detail}`);
};

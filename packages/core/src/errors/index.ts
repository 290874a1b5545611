export { ErrorCode, type ErrorCodeValue } from './codes.js';
export {
  ClientUnavailableError,
  type ClientUnavailableReason,
  DefinitionError,
  invalidParams,
  isMcpkitError,
  isProtocolError,
  McpkitError,
  ProtocolError,
  ToolError,
} from './errors.js';

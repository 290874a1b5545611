export { ErrorCode, type ErrorCodeValue } from './codes.js';
export {
  DefinitionError,
  invalidParams,
  isMcpkitError,
  isProtocolError,
  McpkitError,
  ProtocolError,
  ToolError,
} from './errors.js';

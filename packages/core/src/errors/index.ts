export { ErrorCode, type ErrorCodeValue } from './codes.js';
export { DefinitionError, invalidParams, isMcpkitError, McpkitError, ProtocolError, ToolError } from './errors.js';

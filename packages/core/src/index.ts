/**
 * @mcpkit/core: declare MCP tools, resources and prompts as immutable values
 * and fold them into a server that answers requests with no transport.
 * @packageDocumentation
 */

export { type AppResourceOptions, appResource } from './apps/app-resource.js';
export type { AppCsp, AppPermissions, AppResourceUi } from './apps/app-ui-meta.js';
export { APP_MIME_TYPE, APPS_EXTENSION } from './apps/constants.js';
export { supportsApps } from './apps/supports-apps.js';
export type { AppVisibility, ToolUi } from './apps/tool-ui.js';
export { type ComposeOptions, compose } from './compose/compose.js';
export {
  audio,
  type Content,
  type ContentOptions,
  embedded,
  image,
  isContent,
  resourceLink,
  text,
} from './content/content.js';
export type { AccessRule, AuthInfo } from './context/auth.js';
export { toElicitOutcome, toElicitParams, toSamplingParams } from './context/client-requests.js';
export type { ComponentRef, ComponentSelector, ListKind } from './context/component-ref.js';
export type {
  Context,
  ContextInput,
  Elicit,
  ElicitFormRequest,
  ElicitOutcome,
  ElicitRawFormRequest,
  ElicitRequest,
  ElicitUrlRequest,
  Logger,
  LogMethod,
  RequestWiring,
  SampleRequest,
  SessionInfo,
} from './context/context.js';
export type { HttpRequestInfo } from './context/http.js';
export { isLogLevel, LOG_LEVELS } from './context/log-levels.js';
export { mapStateMethods, type SessionStateMethods } from './context/map-state.js';
export { OUTGOING_META, outgoingMeta } from './context/outgoing-meta.js';
export {
  createVisibility,
  everythingEnabled,
  isEnabledUnder,
  type Visibility,
  type VisibilityRule,
} from './context/visibility-rules.js';
export {
  ClientUnavailableError,
  type ClientUnavailableReason,
  DefinitionError,
  ErrorCode,
  type ErrorCodeValue,
  isMcpkitError,
  isProtocolError,
  McpkitError,
  ProtocolError,
  ToolError,
} from './errors/index.js';
export { clientExtension } from './extension/client-extension.js';
export {
  type CustomMethod,
  type CustomMethodDescriptor,
  type CustomMethodHandler,
  type CustomMethodResult,
  customMethod,
} from './extension/custom-method.js';
export type { ExtensionSettings } from './extension/extensions.js';
export type { InputAnswers } from './input/answers.js';
export {
  ask,
  type InputRequired,
  type InputRequiredOptions,
  inputRequired,
  isInputRequired,
} from './input/input-required.js';
export {
  type CacheableMethod,
  type ErrorHandlingOptions,
  errorHandling,
  type LoggingOptions,
  type RateLimitOptions,
  type RequestLogEntry,
  type ResponseCache,
  type ResponseCacheOptions,
  rateLimit,
  requestLogging,
  responseCache,
  TIMING_META_KEY,
  type TimeoutOptions,
  type TimingOptions,
  timeout,
  timing,
} from './middleware/builtins/index.js';
export { type Hook, type Hooks, hooks } from './middleware/hooks.js';
export type { Handler, Middleware, MiddlewareRequest, Next, RequestResult } from './middleware/middleware.js';
export { type MountDescriptor, type MountOptions, mount, type NamespaceLayer } from './mount/mount.js';
export { outwardName } from './mount/mounted.js';
export type { CompletionRef, Provider } from './mount/provider.js';
export {
  type PromptArgs,
  type PromptArgument,
  type PromptDescriptor,
  type PromptMessageInput,
  type PromptOptions,
  type PromptReturn,
  prompt,
} from './prompt/prompt.js';
export { encodeMessage } from './protocol/encode-message.js';
export type { InputRequest, InputRequests, InputResponses } from './protocol/input-requests.js';
export {
  errorResponse,
  failure,
  type IncomingMessage,
  isRecord,
  isRequestId,
  notification,
  readMessage,
  success,
} from './protocol/jsonrpc.js';
export {
  claimsModern,
  META,
  MODERN_PROTOCOL_VERSIONS,
  type ModernFacts,
  readModernFacts,
  SUPPORTED_PROTOCOL_VERSIONS,
  unsupportedVersion,
} from './protocol/modern.js';
export type * from './protocol/types.js';
export { LATEST_LEGACY_PROTOCOL_VERSION, LEGACY_PROTOCOL_VERSIONS, negotiateVersion } from './protocol/versions.js';
export type { ClientHello, Era, McpRequest, SessionControl } from './request/request.js';
export { mayReadResource } from './resource/may-read.js';
export {
  type ContentsItem,
  type ExplicitContents,
  type ResourceReturn,
  resourceContents,
} from './resource/read-result.js';
export {
  type Completer,
  type ListedResource,
  type ResourceDescriptor,
  type ResourceOptions,
  type ResourceResult,
  type ResourceTemplateDescriptor,
  resource,
  type TemplateParams,
} from './resource/resource.js';
export type { TemplateVariables } from './resource/uri-template.js';
export type { AnySchema, InputOf, OutputOf, ValibotSchema } from './schema/any-schema.js';
export type { JsonObjectSchema, JsonSchema } from './schema/json-schema.js';
export type { RefInlining } from './schema/ref-inlining.js';
export type { StandardJsonSchemaConverter, StandardSchemaV1 } from './schema/standard-schema.js';
export { type Component, componentKey, componentRef, type Module } from './server/component.js';
export type { CommonOptions } from './server/component-base.js';
export { createServer } from './server/create-server.js';
export { initializeResult, readHello } from './server/initialize.js';
export type { Lifespan, LifespanHandle } from './server/lifespan.js';
export { lifespansOf } from './server/lifespans-of.js';
export {
  type CacheHint,
  type CacheHintMethod,
  type CacheHints,
  type CacheScope,
  DEFAULT_CACHE_HINT,
} from './server/modern-result.js';
export { INPUT_DEFAULTS, type InputOptions } from './server/mrtr.js';
export type { DuplicatePolicy, ServerOptions } from './server/options.js';
export type { Server, ServerInfo } from './server/server.js';
export { createMemoryStore, type MemoryStoreOptions } from './store/memory-store.js';
export type { Store, StoreIncrementOptions, StoreSetOptions, StoreUnsubscribe } from './store/store.js';
export { isStoreUnavailable, StoreUnavailableError } from './store/store-unavailable-error.js';
export {
  createTestContext,
  type ElicitAnswer,
  type Recording,
  type SampleAnswer,
  type TestContext,
  type TestContextOptions,
} from './testing/create-test-context.js';
export { callResult, type Serializer } from './tool/call-result.js';
export { type ToolArgs, type ToolDescriptor, type ToolOptions, type ToolReturn, tool } from './tool/tool.js';
export { type ArgTransform, type Forward, type TransformOptions, transform } from './tool/transform.js';
export { deepFreeze } from './utils/deep-freeze.js';
export { readBodyWithin } from './utils/read-body-within.js';

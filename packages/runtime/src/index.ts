/**
 * @mcpkit/runtime: bind an @mcpkit/core server to real sessions over
 * Streamable HTTP and legacy SSE (stdio lives at `@mcpkit/runtime/stdio`).
 * @packageDocumentation
 */

export { type BearerOptions, bearer } from './auth/bearer.js';
export { authInfoFromClaims } from './auth/claims.js';
export { type JwtKey, type JwtOptions, jwt } from './auth/jwt.js';
export { type Connection, type ConnectOptions, connect } from './client/connect.js';
export {
  type ClientConnection,
  type ConnectClientOptions,
  connectClient,
  type TransportClient,
} from './client/connect-client.js';
export type { BusEvent, EventBus, EventFilter, Unsubscribe } from './events/event-bus.js';
export type { HubListenOptions } from './events/listen.js';
export { createMemoryEventBus, type MemoryEventBusOptions } from './events/memory-event-bus.js';
export { createStoreEventBus, type StoreEventBusOptions } from './events/store-event-bus.js';
export type { ClosableNodeHandler, FetchHandler } from './http/app.js';
export type { Authenticator, AuthOptions, VerifyContext } from './http/auth-options.js';
export type { NodeHandler } from './http/node-adapter.js';
export type {
  CommonHttpOptions,
  CorsOptions,
  ListenOptions,
  RunningServer,
} from './http/options.js';
export type { RouteHandler, Routes } from './http/routes.js';
export type { Lifespan, LifespanHandle } from './lifespan/lifespan.js';
export type { RuntimeOptions } from './lifespan/start-runtime.js';
export { closeProxies } from './proxy/close-proxies.js';
export { type FromConfigOptions, fromConfig, namespaceOf } from './proxy/from-config.js';
export { type ProxyOptions, type ProxyProvider, proxy } from './proxy/proxy.js';
export type { ProxyTarget, StdioTarget, UrlTarget } from './proxy/target.js';
export { type ServeHandle, type ServeOptions, serve, type TransportKind } from './serve.js';
export { type CreateSessionOptions, createSession } from './session/create-session.js';
export { createSessionHub, type SessionHub, type SessionHubOptions } from './session/hub.js';
export { hubOf, lifespanOf } from './session/runtime-context.js';
export type { RuntimeSessionInfo } from './session/runtime-session-info.js';
export type { RootsChangedEvent } from './session/session-core.js';
export type { CreateSession, ReceiveExtra, Send, Session, SessionOptions } from './session/types.js';
export type { ServeSseOptions, SseOptions } from './sse/options.js';
export { serveSse } from './sse/serve-sse.js';
export { toSseFetchHandler, toSseNodeHandler } from './sse/sse-handlers.js';
export type { EventStore, ReplaySend } from './streamable/event-store.js';
export { toFetchHandler } from './streamable/fetch-handler.js';
export { createMemoryEventStore, type MemoryEventStoreOptions } from './streamable/memory-event-store.js';
export { toNodeHandler } from './streamable/node-handler.js';
export type { HttpOptions } from './streamable/options.js';
export { type ServeHttpOptions, serveHttp } from './streamable/serve-http.js';

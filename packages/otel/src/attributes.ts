import type { Context, MiddlewareRequest } from '@mcpkit/core';
import type { Attributes } from '@opentelemetry/api';

/** The low-cardinality target of a span name: the tool or prompt a request names. */
const targetOf = (request: MiddlewareRequest): string | undefined => {
  const { method, params } = request;
  if ((method === 'tools/call' || method === 'prompts/get') && typeof params.name === 'string') return params.name;
  return undefined;
};

/** The span name the MCP conventions give a request: `{mcp.method.name} {target}`, or the method alone. */
export const spanNameOf = (request: MiddlewareRequest): string => {
  const target = targetOf(request);
  return target === undefined ? request.method : `${request.method} ${target}`;
};

const RESOURCE_METHODS: ReadonlySet<string> = new Set([
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
]);

/**
 * The attributes of a request's metric (and span): the method, the tool or
 * prompt it names, the protocol revision, the transport. `withUri` adds
 * `mcp.resource.uri` (on spans always; on metrics only when opted in, being
 * high-cardinality).
 */
export const requestAttributes = (request: MiddlewareRequest, ctx: Context, withUri: boolean): Attributes => {
  const { method, params } = request;
  const attributes: Attributes = { 'mcp.method.name': method };
  if (method === 'tools/call' && typeof params.name === 'string') {
    attributes['gen_ai.tool.name'] = params.name;
    attributes['gen_ai.operation.name'] = 'execute_tool';
  } else if (method === 'prompts/get' && typeof params.name === 'string') {
    attributes['gen_ai.prompt.name'] = params.name;
  } else if (withUri && RESOURCE_METHODS.has(method) && typeof params.uri === 'string') {
    attributes['mcp.resource.uri'] = params.uri;
  }
  const version = ctx.session.protocolVersion;
  if (version !== undefined) attributes['mcp.protocol.version'] = version;
  if (ctx.http) {
    attributes['network.transport'] = 'tcp';
    attributes['network.protocol.name'] = 'http';
  }
  return attributes;
};

/** What only the span carries: the request id and the session id (unbounded values, kept off metrics). */
export const spanOnlyAttributes = (ctx: Context, attributes: Attributes): Attributes => {
  if (ctx.requestId !== undefined && ctx.requestId !== null) attributes['jsonrpc.request.id'] = String(ctx.requestId);
  const session = ctx.session.id;
  if (session !== undefined) attributes['mcp.session.id'] = session;
  return attributes;
};

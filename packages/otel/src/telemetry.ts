import { type Middleware, OUTGOING_META, outgoingMeta, type RequestResult } from '@mcpkit/core';
import {
  type Attributes,
  context,
  createNoopMeter,
  type Histogram,
  type MeterProvider,
  metrics,
  ProxyTracerProvider,
  type Span,
  SpanKind,
  type SpanOptions,
  SpanStatusCode,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { requestAttributes, spanNameOf, spanOnlyAttributes } from './attributes.js';
import { traceMetaOf } from './format-traceparent.js';
import { errorOutcome, type Outcome, resultOutcome } from './outcome.js';
import { parseTraceparent } from './traceparent.js';

/** Options of {@link telemetry}. */
export interface TelemetryOptions {
  /** Where spans go; the globally registered provider by default (none registered: nothing is recorded). */
  readonly tracerProvider?: TracerProvider;
  /** Where the duration metric goes; the globally registered provider by default. */
  readonly meterProvider?: MeterProvider;
  /**
   * Add `mcp.resource.uri` to the duration metric too (it is always on spans).
   * Off by default: URIs are unbounded, and every distinct value is a new series.
   */
  readonly metricResourceUri?: boolean;
}

/** The instrumentation scope of what this package records. */
export const INSTRUMENTATION_SCOPE = '@mcpkit/otel';

/** `mcp.server.operation.duration` bucket boundaries, in seconds, as the conventions advise. */
const DURATION_BUCKETS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];

/** Ends a span with its outcome: `error.type`, the JSON-RPC code, and an error status. */
const endSpan = (span: Span, outcome: Outcome | undefined, error?: unknown) => {
  if (outcome) {
    span.setAttribute('error.type', outcome.errorType);
    if (outcome.statusCode !== undefined) span.setAttribute('rpc.response.status_code', outcome.statusCode);
    span.setStatus({ code: SpanStatusCode.ERROR, ...(outcome.message ? { message: outcome.message } : {}) });
    if (error instanceof Error && outcome.statusCode === '-32603') span.recordException(error);
  }
  span.end();
};

/** Records a request's duration (seconds since `started`) with the metric's attributes and its outcome's. */
const recordDuration = (histogram: Histogram, started: number, measured: Attributes, outcome: Outcome | undefined) => {
  if (outcome) {
    measured['error.type'] = outcome.errorType;
    if (outcome.statusCode !== undefined) measured['rpc.response.status_code'] = outcome.statusCode;
  }
  histogram.record((performance.now() - started) / 1000, measured);
};

/** What a request sent on carries: the entries earlier middleware left, and this span's W3C trace context if valid. */
const outgoingWithSpan = (earlier: Readonly<Record<string, unknown>> | undefined, span: Span) => {
  const own = span.spanContext();
  return trace.isSpanContextValid(own) ? { ...earlier, ...traceMetaOf(own) } : { ...earlier };
};

/**
 * OpenTelemetry for every request a server answers, by the semantic
 * conventions for MCP: a SERVER span named `{method} {tool or prompt}` with
 * `mcp.method.name`, `gen_ai.tool.name`, `gen_ai.prompt.name`,
 * `mcp.resource.uri`, `jsonrpc.request.id`, `mcp.session.id`,
 * `mcp.protocol.version`, and on failure `error.type` and
 * `rpc.response.status_code`; its parent is the W3C trace context the client
 * put in `params._meta` (`traceparent`, `tracestate`; a malformed one is
 * ignored), the ambient context (an HTTP span) linked. Requests this one
 * sends on through `proxy()` carry this span's context. Records the
 * `mcp.server.operation.duration` histogram (seconds). Put it first in
 * `middleware` so it times everything after it. Without a registered
 * OpenTelemetry SDK it records nothing and costs little.
 *
 * @example
 * createServer(info, components, { middleware: [telemetry()] });
 */
export const telemetry = (options: TelemetryOptions = {}): Middleware => {
  const tracer = (options.tracerProvider ?? trace).getTracer(INSTRUMENTATION_SCOPE);
  // With no SDK registered the global provider delegates to the API's no-op one: then no span is even started.
  const noopTracers = new ProxyTracerProvider().getDelegate();
  const tracesNothing = options.tracerProvider
    ? () => false
    : () => {
        const provider = trace.getTracerProvider();
        return provider instanceof ProxyTracerProvider && provider.getDelegate() === noopTracers;
      };
  const metricUri = options.metricResourceUri === true;
  // The global meter provider has no proxy (unlike the tracer's): the meter is resolved at the first
  // request, once the application registered its SDK; the no-op one is never recorded to.
  let histogram: Histogram | null | undefined;
  const instrument = (): Histogram | null => {
    if (histogram !== undefined) return histogram;
    const meter = (options.meterProvider ?? metrics).getMeter(INSTRUMENTATION_SCOPE);
    histogram =
      meter === createNoopMeter()
        ? null
        : meter.createHistogram('mcp.server.operation.duration', {
            unit: 's',
            description: 'The duration of the MCP request as observed on the server, from receipt to response.',
            advice: { explicitBucketBoundaries: DURATION_BUCKETS },
          });
    return histogram;
  };
  return async (request, ctx, next) => {
    const duration = instrument();
    if (!duration && tracesNothing()) return next();
    const started = performance.now();
    const meta = ctx.meta;
    const remote = meta?.traceparent === undefined ? undefined : parseTraceparent(meta.traceparent, meta.tracestate);
    const active = context.active();
    const ambient = trace.getSpanContext(active);
    // The client's context is the parent; the ambient one (a transport span) becomes a link.
    const parent = remote ? trace.setSpanContext(active, remote) : active;
    // Made once: the metric's attributes, and the span's (those plus the unbounded ones), given at the start.
    const measured = requestAttributes(request, ctx, metricUri);
    const spanOptions: SpanOptions = {
      kind: SpanKind.SERVER,
      attributes: spanOnlyAttributes(ctx, requestAttributes(request, ctx, true)),
    };
    if (remote && ambient) spanOptions.links = [{ context: ambient }];
    const span = tracer.startSpan(spanNameOf(request), spanOptions, parent);
    const recording = span.isRecording();
    // Without an SDK (or sampled out with no parent) there is no context to carry on.
    const traced = recording || remote !== undefined || ambient !== undefined;
    if (!traced && !duration) return next();
    if (traced) {
      // Formatted (and checked) only if a request is sent on (a proxied call), on top of what earlier middleware left.
      const earlier = outgoingMeta(ctx);
      ctx.state.set(OUTGOING_META, () => outgoingWithSpan(earlier, span));
    }
    let result: RequestResult;
    try {
      result = traced ? await context.with(trace.setSpan(parent, span), next) : await next();
    } catch (error) {
      const outcome = errorOutcome(error);
      if (recording) endSpan(span, outcome, error);
      if (duration) recordDuration(duration, started, measured, outcome);
      throw error;
    }
    const outcome = resultOutcome(result);
    if (recording) endSpan(span, outcome);
    if (duration) recordDuration(duration, started, measured, outcome);
    return result;
  };
};

import type { SpanContext } from '@opentelemetry/api';

/**
 * The W3C trace context entries of a span, as `_meta` carries them to the
 * servers a request calls on: `traceparent`, and `tracestate` when there is one.
 */
export const traceMetaOf = (span: SpanContext): Record<string, string> => {
  const traceparent = `00-${span.traceId}-${span.spanId}-${(span.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
  const tracestate = span.traceState?.serialize();
  return tracestate ? { traceparent, tracestate } : { traceparent };
};

import { createTraceState, type SpanContext } from '@opentelemetry/api';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE = '00000000000000000000000000000000';
const ZERO_SPAN = '0000000000000000';
/** Longest `tracestate` kept (W3C Trace Context: at most 32 members; 512 characters is what it asks to propagate). */
const MAX_TRACESTATE = 512;

/**
 * The remote span context a W3C `traceparent` (and optional `tracestate`)
 * names, or `undefined` when the value is not a valid one: an unknown version
 * `ff`, an all-zero id, trailing data on version 00, or anything but a string.
 * A malformed or oversized `tracestate` is dropped, the parent kept.
 */
export const parseTraceparent = (traceparent: unknown, tracestate: unknown): SpanContext | undefined => {
  if (typeof traceparent !== 'string' || traceparent.length > 256) return undefined;
  const match = TRACEPARENT.exec(traceparent.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string?,
  ];
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (traceId === ZERO_TRACE || spanId === ZERO_SPAN) return undefined;
  const state =
    typeof tracestate === 'string' && tracestate.length > 0 && tracestate.length <= MAX_TRACESTATE
      ? createTraceState(tracestate)
      : undefined;
  return {
    traceId,
    spanId,
    traceFlags: Number.parseInt(flags, 16) & 1,
    isRemote: true,
    ...(state ? { traceState: state } : {}),
  };
};

/**
 * @mcpkit/otel: OpenTelemetry for mcpkit servers, by the semantic conventions
 * for MCP. Depends on `@opentelemetry/api` only (a peer): bring your own SDK
 * and exporter.
 * @packageDocumentation
 */

export { INSTRUMENTATION_SCOPE, type TelemetryOptions, telemetry } from './telemetry.js';
export { parseTraceparent } from './traceparent.js';

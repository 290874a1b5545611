/**
 * @mcpkit/runtime/testing: the contract suites a driver of the runtime's
 * pluggable parts (event bus, SSE event store) must pass, as vitest suites.
 * Imports vitest: load it from test files only.
 * @packageDocumentation
 */

export { type EventBusContractOptions, eventBusContract } from '../events/event-bus-contract.js';
export { type EventStoreContractOptions, eventStoreContract } from '../streamable/event-store-contract.js';

/** The lifespan types live in core (a server carries its own hook); re-exported for runtime users. */
export type { Lifespan, LifespanHandle } from '@mcpkit/core';

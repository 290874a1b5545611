import type { Lifespan } from './lifespan.js';
import type { Server } from './server.js';

const isServer = (value: unknown): value is Server =>
  typeof value === 'object' && value !== null && (value as Server).kind === 'server';

/**
 * The lifespan hooks a served server needs: those of the servers mounted in
 * it (depth first, so children start before parents), then its own. Each
 * hook appears once, however often its server is mounted.
 */
export const lifespansOf = (server: Server): readonly Lifespan[] => {
  const hooks: Lifespan[] = [];
  const visit = (current: Server) => {
    for (const component of current.components) {
      if (component.kind === 'mount' && isServer(component.provider)) visit(component.provider);
    }
    const own = current.options.lifespan;
    if (own && !hooks.includes(own)) hooks.push(own);
  };
  visit(server);
  return hooks;
};

import { createServer, tool } from '@mcpkit/core';
import * as v from 'valibot';

/** A separate server (it could be a proxy of a remote one): mounted live by the main server. */
export const search = createServer({ name: 'search', version: '1.0.0' }, [
  tool({
    name: 'query',
    description: 'Search the archive',
    input: v.object({ q: v.string(), limit: v.number(), index: v.string() }),
    run: ({ q, limit, index }) => `${limit} results for "${q}" in ${index}`,
  }),
]);

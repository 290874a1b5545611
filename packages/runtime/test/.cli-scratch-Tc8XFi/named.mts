import { createServer, tool } from '@mcpkit/core';
import * as v from 'valibot';
export const server = createServer({ name: 'named', version: '2.0.0' }, [
  tool({ name: 'sum', input: v.object({ a: v.number(), b: v.number() }), output: v.object({ total: v.number() }),
    run: ({ a, b }) => ({ total: a + b }) }),
]);
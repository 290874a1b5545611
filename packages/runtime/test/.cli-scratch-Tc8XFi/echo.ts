import { createServer, tool } from '@mcpkit/core';
import * as v from 'valibot';
export default createServer({ name: 'echo', version: '1.0.0' }, [
  tool({ name: 'echo', input: v.object({ word: v.string(), times: v.number() }), run: ({ word, times }) => word.repeat(times) }),
]);
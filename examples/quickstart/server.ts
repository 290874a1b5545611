import { createServer, prompt, resource, ToolError, tool } from '@mcpkit/core';
import * as v from 'valibot';

/** A tool: typed arguments in, structured result out. */
export const add = tool({
  name: 'add',
  description: 'Add two numbers',
  input: v.object({ a: v.number(), b: v.number() }),
  output: v.object({ sum: v.number() }),
  annotations: { readOnlyHint: true },
  run: ({ a, b }) => ({ sum: a + b }),
});

/** A tool that reports progress and logs while it works. */
export const divide = tool({
  name: 'divide',
  description: 'Divide a by b',
  input: v.object({ a: v.number(), b: v.number() }),
  run: async ({ a, b }, ctx) => {
    if (b === 0) throw new ToolError('Cannot divide by zero: pass a non-zero b');
    ctx.log.info(`dividing ${a} by ${b}`);
    await ctx.progress(1, 1);
    return a / b;
  },
});

/** A static resource. */
export const config = resource({
  uri: 'data://config',
  description: 'Server configuration',
  mimeType: 'application/json',
  read: () => ({ theme: 'dark', units: 'metric' }),
});

const users: Record<string, { name: string; role: string }> = {
  '1': { name: 'Ada', role: 'admin' },
  '2': { name: 'Linus', role: 'user' },
};

/** A resource template: `{id}` arrives validated; `list` and `complete` help clients find ids. */
export const profile = resource({
  uri: 'users://{id}/profile',
  name: 'user-profile',
  description: 'A user profile by id',
  params: v.object({ id: v.picklist(Object.keys(users)) }),
  list: () => Object.keys(users).map((id) => ({ params: { id }, name: users[id]?.name })),
  read: ({ id }) => ({ id, ...users[id] }),
});

/** A prompt with a typed argument. */
export const analyze = prompt({
  name: 'analyze',
  description: 'Ask for an analysis of some data',
  args: v.object({ data: v.pipe(v.string(), v.description('The data to analyze')) }),
  render: ({ data }) => `Please analyze this data and summarise the trends:\n\n${data}`,
});

export default createServer(
  { name: 'quickstart', version: '1.0.0', instructions: 'Arithmetic, a config, user profiles and an analysis prompt.' },
  [add, divide, config, profile, analyze],
);

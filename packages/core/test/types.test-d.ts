/**
 * Type tests: checked by `pnpm typecheck` (tsc), never executed. Each
 * `@ts-expect-error` must stay an error, or tsc fails.
 */
import { type } from 'arktype';
import * as v from 'valibot';
import { expectTypeOf } from 'vitest';
import { z } from 'zod';
import {
  ask,
  type Context,
  compose,
  createServer,
  customMethod,
  type ElicitOutcome,
  type Module,
  prompt,
  resource,
  type Server,
  type StandardSchemaV1,
  type TemplateVariables,
  tool,
} from '../src/index.js';

// run's arguments are inferred from input
tool({
  name: 'add',
  input: v.object({ a: v.number(), b: v.optional(v.string()) }),
  run: (args, ctx) => {
    expectTypeOf(args).toEqualTypeOf<{ a: number; b?: string | undefined }>();
    expectTypeOf(ctx).toEqualTypeOf<Context>();
    return args.a;
  },
});

// transforms: run sees the schema's output type
tool({
  name: 'len',
  input: v.object({
    s: v.pipe(
      v.string(),
      v.transform((s) => s.length),
    ),
  }),
  run: ({ s }) => {
    expectTypeOf(s).toEqualTypeOf<number>();
  },
});

// without input (or with a raw inputSchema), run gets the arguments object as sent
tool({
  name: 'ping',
  run: (args) => {
    expectTypeOf(args).toEqualTypeOf<Record<string, unknown>>();
    return 'pong';
  },
});
tool({
  name: 'raw',
  inputSchema: { type: 'object', properties: { q: { type: 'string' } } },
  run: (args) => String(args.q),
});

// run's return is checked against output
tool({ name: 'ok', output: v.object({ sum: v.number() }), run: () => ({ sum: 1 }) });
// @ts-expect-error sum must be a number
tool({ name: 'bad', output: v.object({ sum: v.number() }), run: () => ({ sum: 'one' }) });
tool({ name: 'async', output: v.number(), run: async () => 1 });
// @ts-expect-error an async result is checked too
tool({ name: 'async-bad', output: v.number(), run: async () => 'x' });

// accessing an argument that is not in the schema is an error
tool({
  name: 'typo',
  input: v.object({ a: v.number() }),
  // @ts-expect-error 'b' is not an argument
  run: ({ b }) => b,
});

// the descriptor carries its types
const add = tool({ name: 'add', input: v.object({ a: v.number() }), output: v.number(), run: ({ a }) => a });
expectTypeOf(add.kind).toEqualTypeOf<'tool'>();
expectTypeOf<NonNullable<(typeof add)['~types']>['args']>().toEqualTypeOf<{ a: number }>();

// template variables are inferred from the URI string
expectTypeOf<TemplateVariables<'users://{id}/files/{path*}{?fmt,lang}'>>().toEqualTypeOf<
  'id' | 'path' | 'fmt' | 'lang'
>();
const profile = resource({
  uri: 'users://{id}/profile',
  read: (params) => {
    expectTypeOf(params).toEqualTypeOf<{ id: string }>();
    return params.id;
  },
});
expectTypeOf(profile.kind).toEqualTypeOf<'resourceTemplate'>();

// with params, read gets the schema's output
resource({
  uri: 'orders://{id}',
  params: v.object({ id: v.number() }),
  read: ({ id }) => {
    expectTypeOf(id).toEqualTypeOf<number>();
    return id;
  },
});

// template completers are keyed by variable
resource({ uri: 'repo://{owner}', complete: { owner: () => ['me'] }, read: () => '' });
// @ts-expect-error 'name' is not a variable of the template
resource({ uri: 'repo://{owner}', complete: { name: () => ['me'] }, read: () => '' });

// a static URI gives a static resource
const config = resource({ uri: 'data://config', read: () => ({ theme: 'dark' }) });
expectTypeOf(config.kind).toEqualTypeOf<'resource'>();

// prompt args are inferred
prompt({
  name: 'analyze',
  args: v.object({ data: v.string(), depth: v.optional(v.number()) }),
  render: ({ data, depth }) => {
    expectTypeOf(data).toEqualTypeOf<string>();
    expectTypeOf(depth).toEqualTypeOf<number | undefined>();
    return [{ role: 'assistant', content: data }];
  },
});
// @ts-expect-error roles are user or assistant
prompt({ name: 'bad', render: () => [{ role: 'system', content: 'x' }] });

// elicitation results are typed by the schema
tool({
  name: 'ask',
  run: async (_args, ctx) => {
    const outcome = await ctx.elicit({ message: 'Size?', schema: v.object({ size: v.number() }) });
    expectTypeOf(outcome).toEqualTypeOf<ElicitOutcome<{ size: number }>>();
    if (outcome.action === 'accept') expectTypeOf(outcome.content.size).toEqualTypeOf<number>();
  },
});

// any Standard Schema library: zod 4 infers through every builder
tool({
  name: 'zod-add',
  input: z.object({ a: z.number(), b: z.string().optional(), n: z.string().transform((s) => s.length) }),
  output: z.object({ sum: z.number() }),
  run: (args) => {
    expectTypeOf(args).toEqualTypeOf<{ a: number; b?: string | undefined; n: number }>();
    return { sum: args.a + args.n };
  },
});
// @ts-expect-error zod output: sum must be a number
tool({ name: 'zod-bad', output: z.object({ sum: z.number() }), run: () => ({ sum: 'one' }) });
tool({
  name: 'zod-typo',
  input: z.object({ a: z.number() }),
  // @ts-expect-error 'b' is not an argument
  run: ({ b }) => b,
});
resource({
  uri: 'zod://{id}',
  params: z.object({ id: z.coerce.number() }),
  read: ({ id }) => {
    expectTypeOf(id).toEqualTypeOf<number>();
    return String(id);
  },
});
prompt({
  name: 'zod-prompt',
  args: z.object({ depth: z.number().optional() }),
  render: ({ depth }) => {
    expectTypeOf(depth).toEqualTypeOf<number | undefined>();
    return 'x';
  },
});

// ArkType infers likewise
tool({
  name: 'ark-add',
  input: type({ a: 'number', 'b?': 'string' }),
  output: type('number'),
  run: (args) => {
    expectTypeOf(args).toEqualTypeOf<{ a: number; b?: string }>();
    return args.a;
  },
});
// @ts-expect-error ArkType output: a number is required
tool({ name: 'ark-bad', output: type('number'), run: () => 'x' });
prompt({
  name: 'ark-prompt',
  args: type({ topic: 'string' }),
  render: ({ topic }) => {
    expectTypeOf(topic).toEqualTypeOf<string>();
    return topic;
  },
});

// elicitation with zod or ArkType is typed by the schema
tool({
  name: 'ask-libs',
  run: async (_args, ctx) => {
    const zodOutcome = await ctx.elicit({ message: 'Size?', schema: z.object({ size: z.number() }) });
    expectTypeOf(zodOutcome).toEqualTypeOf<ElicitOutcome<{ size: number }>>();
    const arkOutcome = await ctx.elicit({ message: 'Name?', schema: type({ name: 'string' }) });
    expectTypeOf(arkOutcome).toEqualTypeOf<ElicitOutcome<{ name: string }>>();
    ask.elicit({ message: 'Size?', schema: z.object({ size: z.number() }) });
  },
});

// a hand-made Standard Schema is accepted and inferred
declare const custom: StandardSchemaV1<{ q: string }, { q: string; at: number }>;
tool({
  name: 'custom',
  input: custom,
  run: (args) => {
    expectTypeOf(args).toEqualTypeOf<{ q: string; at: number }>();
  },
});
// @ts-expect-error a value that is no schema is refused
tool({ name: 'not-a-schema', input: { type: 'object' }, run: () => 1 });

// modules and servers
const module = compose({ namespace: 'm' }, add, config, profile);
expectTypeOf(module).toEqualTypeOf<Module>();
const server = createServer({ name: 'x', version: '1' }, [...module, add]);
expectTypeOf(server).toEqualTypeOf<Server>();
// @ts-expect-error info needs a version
createServer({ name: 'x' }, []);

// custom methods take any Standard Schema for their params
customMethod({
  params: z.object({ text: z.string() }),
  handler: ({ text }) => {
    expectTypeOf(text).toEqualTypeOf<string>();
    return { text };
  },
});

import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { callResult, compose, createServer, DefinitionError, tool, transform } from '../index.js';

const info = { name: 't', version: '1' };

const search = tool({
  name: 'search',
  description: 'Search issues',
  input: v.object({
    q: v.pipe(v.string(), v.description('query text')),
    limit: v.number(),
    repo: v.string(),
    verbose: v.optional(v.boolean()),
  }),
  output: v.object({ hits: v.array(v.string()) }),
  timeoutMs: 5000,
  run: ({ q, limit, repo }) => ({ hits: [`${repo}:${q}:${limit}`] }),
});

describe('transform()', () => {
  const findIssues = transform(search, {
    name: 'find_issues',
    description: 'Find issues in our repo',
    tags: ['issues'],
    args: {
      q: { name: 'query', description: 'What to look for' },
      limit: { default: 10 },
      repo: { hide: true, default: 'acme/app' },
    },
  });

  test('the schema clients see reflects renames, descriptions, defaults and hidden arguments', async () => {
    const [listed] = await createServer(info, [findIssues]).listTools();
    expect(listed).toMatchObject({ name: 'find_issues', description: 'Find issues in our repo' });
    expect(listed?.inputSchema).toEqual({
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What to look for' },
        limit: { type: 'number', default: 10 },
        verbose: { type: 'boolean' },
      },
      required: ['query'],
    });
    // the output schema and timeout carry over; the original is untouched
    expect(findIssues.outputSchema).toEqual(search.outputSchema);
    expect(findIssues.timeoutMs).toBe(5000);
    expect(search.name).toBe('search');
    expect(Object.isFrozen(findIssues)).toBe(true);
  });

  test('calls map new names back, fill defaults and hidden values', async () => {
    const server = createServer(info, [findIssues]);
    expect((await server.callTool('find_issues', { query: 'crash' })).structuredContent).toEqual({
      hits: ['acme/app:crash:10'],
    });
    // a client cannot override a hidden argument
    expect(
      (await server.callTool('find_issues', { query: 'x', limit: 2, repo: 'evil/repo' })).structuredContent,
    ).toEqual({
      hits: ['acme/app:x:2'],
    });
  });

  test('validation errors use the names the client knows', async () => {
    const result = await createServer(info, [findIssues]).callTool('find_issues', { query: 42 });
    expect(result.isError).toBe(true);
    expect((result.content[0] as { text: string }).text).toMatch(
      /^Invalid arguments for tool 'find_issues': query: Invalid type/,
    );
  });

  test('a custom run can change behaviour and still forward to the original', async () => {
    const upper = transform(search, {
      name: 'search_upper',
      args: { repo: { hide: true, default: 'acme/app' }, limit: { default: 1 } },
      run: async (args, forward) => {
        const result = (await forward({ ...args, q: String(args.q).toUpperCase() })) as { hits: string[] };
        return { hits: [...result.hits, 'extra'] };
      },
    });
    expect((await createServer(info, [upper]).callTool('search_upper', { q: 'abc' })).structuredContent).toEqual({
      hits: ['acme/app:ABC:1', 'extra'],
    });
  });

  test('works on tools with a hand-written JSON Schema (such as proxied ones)', async () => {
    const remote = tool({
      name: 'remote',
      inputSchema: {
        type: 'object',
        properties: { city: { type: 'string' }, units: { type: 'string' } },
        required: ['city'],
      },
      run: (args) => `${args.city} in ${args.units}`,
    });
    const weather = transform(remote, {
      name: 'weather',
      args: { units: { hide: true, default: 'metric' }, city: { name: 'place' } },
    });
    const server = createServer(info, [weather]);
    expect((await server.listTools())[0]?.inputSchema).toEqual({
      type: 'object',
      properties: { place: { type: 'string' } },
      required: ['place'],
    });
    expect((await server.callTool('weather', { place: 'Oslo' })).content).toEqual([
      { type: 'text', text: 'Oslo in metric' },
    ]);
  });

  test('construction fails early on arguments that do not exist, collide or cannot be hidden', () => {
    expect(() => transform(search, { args: { nope: { name: 'x' } } })).toThrow(/has no argument 'nope'/);
    expect(() => transform(search, { args: { q: { name: 'limit' } } })).toThrow(/two arguments would be named 'limit'/);
    expect(() => transform(search, { args: { repo: { hide: true } } })).toThrow(/needs a default/);
    expect(() => transform(search, { name: 'bad name' })).toThrow(DefinitionError);
  });
});

describe('server-level transforms', () => {
  test('reshape composed tools by their final name', async () => {
    const github = compose({ namespace: 'github' }, search);
    const server = createServer(info, [...github], {
      transforms: { github_search: { description: 'Search GitHub issues', args: { repo: { default: 'acme/app' } } } },
    });
    const [listed] = await server.listTools();
    expect(listed).toMatchObject({ name: 'github_search', description: 'Search GitHub issues' });
    expect(listed?.inputSchema.required).toEqual(['q', 'limit']);
    expect(() => createServer(info, [search], { transforms: { nope: {} } })).toThrow(/does not have: nope/);
  });
});

describe('callResult()', () => {
  test('a complete result is sent as is, even past an output schema', async () => {
    const raw = tool({
      name: 'raw',
      output: v.object({ n: v.number() }),
      run: () =>
        callResult({ content: [{ type: 'text', text: 'custom' }], isError: true, _meta: { why: 'testing' } }) as never,
    });
    expect(await createServer(info, [raw]).callTool('raw')).toEqual({
      content: [{ type: 'text', text: 'custom' }],
      isError: true,
      _meta: { why: 'testing' },
    });
  });
});

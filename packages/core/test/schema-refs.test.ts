/**
 * Tool schemas go out without `$ref`/`$defs`, whatever the library wrote:
 * shared sub-schemas are inlined, recursive ones inlined to a fixed depth
 * and then cut with a description saying so.
 */
import { addGlobalDefs } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { compose, createServer, DefinitionError, type RefInlining, tool, transform } from '../src/index.js';
import { libraries } from './schema-libraries.js';

const info = { name: 'refs', version: '1' };
const CUT = /Recursive schema, inlined to 3 levels/;

type Json = Record<string, unknown>;

/** Follows `root.children.items` down the tree until the branch is cut; returns the depth reached and the cut node. */
const descend = (rootSchema: Json): { depth: number; cut: Json } => {
  let node = rootSchema;
  let depth = 0;
  while ((node.properties as Json | undefined)?.children) {
    const children = (node.properties as Json).children as Json;
    if (!children.items) return { depth, cut: children };
    node = children.items as Json;
    depth += 1;
  }
  return { depth, cut: node };
};

describe.each(libraries)('$name', (lib) => {
  const grow = tool({ name: 'grow', input: lib.tree, output: lib.tree, run: (args: unknown) => args });
  const draw = tool({ name: 'draw', input: lib.segment, run: () => 'ok' });

  test('a recursive schema is listed with no reference, inlined to a fixed depth, then cut and described', async () => {
    const [listed] = await createServer(info, [grow]).listTools();
    for (const schema of [listed?.inputSchema, listed?.outputSchema]) {
      expect(JSON.stringify(schema)).not.toMatch(/"\$ref"|"\$defs"|"definitions"/);
      const root = ((schema?.properties ?? {}) as Json).root as Json;
      expect(root).toMatchObject({ type: 'object', properties: { name: { type: 'string' } } });
      const { depth, cut } = descend(root);
      expect(depth).toBeGreaterThanOrEqual(2);
      expect(depth).toBeLessThanOrEqual(4);
      expect(cut.description).toMatch(CUT);
    }
  });

  test('values deeper than the listed schema still validate by the library', async () => {
    let tree: Json = { name: 'leaf', children: [] };
    for (let i = 0; i < 8; i++) tree = { name: `n${i}`, children: [tree] };
    const server = createServer(info, [grow]);
    expect(await server.callTool('grow', { root: tree })).toMatchObject({ structuredContent: { root: tree } });
    let bad: Json = { name: 7, children: [] };
    for (let i = 0; i < 8; i++) bad = { name: `n${i}`, children: [bad] };
    expect(await server.callTool('grow', { root: bad })).toMatchObject({ isError: true });
  });

  test('a shared sub-schema is inlined wherever it is used', async () => {
    const [listed] = await createServer(info, [draw]).listTools();
    const point = { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } } };
    expect(listed?.inputSchema).toMatchObject({ type: 'object', properties: { from: point, to: point } });
    expect(JSON.stringify(listed?.inputSchema)).not.toMatch(/"\$ref"|"\$defs"|"definitions"/);
  });
});

describe.each(libraries)('$name, with refInlining bounds', (lib) => {
  const grow = (refInlining?: RefInlining) =>
    tool({ name: 'grow', input: lib.tree, output: lib.tree, run: (args: unknown) => args, refInlining });
  /** The depth the listed input schema reaches and its cut node. */
  const listedDepth = async (server: ReturnType<typeof createServer>) => {
    const [listed] = await server.listTools();
    expect(JSON.stringify(listed)).not.toMatch(/"\$ref"|"\$defs"|"definitions"/);
    return descend(((listed?.inputSchema.properties ?? {}) as Json).root as Json);
  };

  test('the server option sets the recursion depth: depth 1 and 5 against the default 3', async () => {
    const base = await listedDepth(createServer(info, [grow()]));
    const one = await listedDepth(createServer(info, [grow()], { refInlining: { maxDepth: 1 } }));
    const five = await listedDepth(createServer(info, [grow()], { refInlining: { maxDepth: 5 } }));
    expect(base.depth - one.depth).toBe(2);
    expect(five.depth - base.depth).toBe(2);
    expect(one.cut.description).toMatch(/Recursive schema, inlined to 1 levels/);
    expect(five.cut.description).toMatch(/Recursive schema, inlined to 5 levels/);
    // The output schema follows the same bounds.
    const [listed] = await createServer(info, [grow()], { refInlining: { maxDepth: 5 } }).listTools();
    expect(descend(((listed?.outputSchema?.properties ?? {}) as Json).root as Json).depth).toBe(five.depth);
  });

  test('a tool’s own bounds win over the server’s, and the server’s over the defaults', async () => {
    const base = await listedDepth(createServer(info, [grow()]));
    const own = await listedDepth(createServer(info, [grow({ maxDepth: 5 })], { refInlining: { maxDepth: 1 } }));
    expect(own.depth - base.depth).toBe(2);
    expect((await listedDepth(createServer(info, [grow({ maxDepth: 5 })]))).depth).toBe(own.depth);
  });

  test('the expansion cap cuts a schema that would expand more references, and says so', async () => {
    const capped = await listedDepth(createServer(info, [grow()], { refInlining: { maxDepth: 50, maxExpansions: 2 } }));
    expect(capped.cut.description).toMatch(/Schema too large to inline in full \(over 2 references\)/);
    const base = await listedDepth(createServer(info, [grow()]));
    expect(capped.depth).toBeLessThan(base.depth);
  });

  test('a composed copy keeps the server’s bounds; a transformed one lists its own input', async () => {
    const one = await listedDepth(createServer(info, [grow()], { refInlining: { maxDepth: 1 } }));
    const composed = await listedDepth(createServer(info, [...compose(grow())], { refInlining: { maxDepth: 1 } }));
    expect(composed).toEqual(one);
    const renamed = transform(grow(), { name: 'grown' });
    expect(renamed['~schemasWithin']).toBeUndefined();
    const [listed] = await createServer(info, [renamed], { refInlining: { maxDepth: 1 } }).listTools();
    expect(listed?.inputSchema).toEqual(renamed.inputSchema);
  });

  test('values deeper than a depth-1 listing still validate by the library', async () => {
    let tree: Json = { name: 'leaf', children: [] };
    for (let i = 0; i < 4; i++) tree = { name: `n${i}`, children: [tree] };
    const server = createServer(info, [grow()], { refInlining: { maxDepth: 1 } });
    expect(await server.callTool('grow', { root: tree })).toMatchObject({ structuredContent: { root: tree } });
  });
});

describe('refInlining bounds that make no sense fail at definition', () => {
  test.each([
    ['a zero depth', { maxDepth: 0 }, /refInlining.maxDepth must be a positive integer, got 0/],
    ['a fractional depth', { maxDepth: 2.5 }, /refInlining.maxDepth must be a positive integer/],
    ['a negative cap', { maxExpansions: -1 }, /refInlining.maxExpansions must be a positive integer/],
    ['an infinite cap', { maxExpansions: Number.POSITIVE_INFINITY }, /refInlining.maxExpansions must be a positive/],
    ['a string', { maxDepth: '3' }, /refInlining.maxDepth must be a positive integer/],
    ['an unknown key', { depth: 3 }, /unknown refInlining key 'depth'/],
    ['no object', 3, /refInlining must be an object/],
  ])('%s', (_what, bounds, message) => {
    const make = () => createServer(info, [], { refInlining: bounds as never });
    expect(make).toThrow(DefinitionError);
    expect(make).toThrow(message);
    const defineTool = () => tool({ name: 't', run: () => 1, refInlining: bounds as never });
    expect(defineTool).toThrow(DefinitionError);
    expect(defineTool).toThrow(message);
  });
});

// Last in this file: valibot's global definitions stay set for the rest of the module.
describe('valibot global definitions', () => {
  test('schemas registered with addGlobalDefs are inlined too', async () => {
    const Point = v.object({ x: v.number(), y: v.number() });
    addGlobalDefs({ Point });
    const draw = tool({ name: 'draw', input: v.object({ from: Point, to: Point }), run: () => 'ok' });
    const [listed] = await createServer(info, [draw]).listTools();
    const point = { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } } };
    expect(listed?.inputSchema).toMatchObject({ properties: { from: point, to: point } });
    expect(JSON.stringify(listed?.inputSchema)).not.toMatch(/"\$ref"|"\$defs"/);
  });

  test('a shared sub-schema counts each use against the expansion cap', async () => {
    const Pt = v.object({ x: v.number() });
    addGlobalDefs({ Pt });
    const draw = tool({ name: 'draw', input: v.object({ from: Pt, to: Pt }), run: () => 'ok' });
    const [all] = await createServer(info, [draw], { refInlining: { maxExpansions: 2 } }).listTools();
    expect(all?.inputSchema.properties).toEqual({
      from: expect.objectContaining({ type: 'object' }),
      to: expect.objectContaining({ type: 'object', properties: { x: { type: 'number' } } }),
    });
    const [capped] = await createServer(info, [draw], { refInlining: { maxExpansions: 1 } }).listTools();
    expect(capped?.inputSchema.properties).toEqual({
      from: expect.objectContaining({ properties: { x: { type: 'number' } } }),
      to: {
        type: 'object',
        description: 'Schema too large to inline in full (over 1 references): not described here.',
      },
    });
  });
});

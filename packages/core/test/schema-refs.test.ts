/**
 * Tool schemas go out without `$ref`/`$defs`, whatever the library wrote:
 * shared sub-schemas are inlined, recursive ones inlined to a fixed depth
 * and then cut with a description saying so.
 */
import { addGlobalDefs } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { createServer, tool } from '../src/index.js';
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
});

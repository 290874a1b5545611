/**
 * The same schemas written with each supported library, so one semantics
 * suite runs against valibot, zod 4 and ArkType alike.
 */
import { type } from 'arktype';
import * as v from 'valibot';
import { z } from 'zod';
import type { AnySchema } from '../src/index.js';

/** One library's versions of the schemas the suites use. */
export interface SchemaLibrary {
  readonly name: string;
  /** `{ a: number, b: number }` */
  readonly pair: AnySchema;
  /** `{ values: number[], options: { round: boolean } }` */
  readonly nested: AnySchema;
  /** `{ id: number, active: boolean }` (template variables) */
  readonly item: AnySchema;
  /** `{ topic: string, count: number, loud: boolean }` (prompt arguments) */
  readonly promptArgs: AnySchema;
  /** `number` (a non-object output) */
  readonly count: AnySchema;
  /** `{ total: number, unit: string }` (an object output) */
  readonly total: AnySchema;
  /** `{ name: string, age: number }` (an elicitation form) */
  readonly person: AnySchema;
  /** `{ root: Node }` where `Node = { name: string, children: Node[] }` */
  readonly tree: AnySchema;
  /** `{ from: Point, to: Point }` with one `Point = { x: number, y: number }` schema used twice */
  readonly segment: AnySchema;
}

type Node = { name: string; children: Node[] };
const valibotNode: v.GenericSchema<Node> = v.object({ name: v.string(), children: v.array(v.lazy(() => valibotNode)) });
const valibotPoint = v.object({ x: v.number(), y: v.number() });

const valibot: SchemaLibrary = {
  name: 'valibot',
  pair: v.object({ a: v.number(), b: v.number() }),
  nested: v.object({ values: v.array(v.number()), options: v.object({ round: v.boolean() }) }),
  item: v.object({ id: v.number(), active: v.boolean() }),
  promptArgs: v.object({ topic: v.string(), count: v.number(), loud: v.boolean() }),
  count: v.number(),
  total: v.object({ total: v.number(), unit: v.string() }),
  person: v.object({ name: v.string(), age: v.number() }),
  tree: v.object({ root: valibotNode }),
  segment: v.object({ from: valibotPoint, to: valibotPoint }),
};

const zodNode: z.ZodType<Node> = z.object({
  name: z.string(),
  get children() {
    return z.array(zodNode);
  },
});
// A registered id makes zod write the point once under $defs and refer to it.
const zodPoint = z.object({ x: z.number(), y: z.number() }).meta({ id: 'Point' });

const zod: SchemaLibrary = {
  name: 'zod',
  pair: z.object({ a: z.number(), b: z.number() }),
  nested: z.object({ values: z.array(z.number()), options: z.object({ round: z.boolean() }) }),
  item: z.object({ id: z.number(), active: z.boolean() }),
  promptArgs: z.object({ topic: z.string(), count: z.number(), loud: z.boolean() }),
  count: z.number(),
  total: z.object({ total: z.number(), unit: z.string() }),
  person: z.object({ name: z.string(), age: z.number() }),
  tree: z.object({ root: zodNode }),
  segment: z.object({ from: zodPoint, to: zodPoint }),
};

const arkTypes = type.scope({
  node: { name: 'string', children: 'node[]' },
  point: { x: 'number', y: 'number' },
  tree: { root: 'node' },
  segment: { from: 'point', to: 'point' },
});
const arkExports = arkTypes.export();

const arktype: SchemaLibrary = {
  name: 'arktype',
  pair: type({ a: 'number', b: 'number' }),
  nested: type({ values: 'number[]', options: { round: 'boolean' } }),
  item: type({ id: 'number', active: 'boolean' }),
  promptArgs: type({ topic: 'string', count: 'number', loud: 'boolean' }),
  count: type('number'),
  total: type({ total: 'number', unit: 'string' }),
  person: type({ name: 'string', age: 'number' }),
  tree: arkExports.tree,
  segment: arkExports.segment,
};

/** valibot, zod 4 and ArkType, for `describe.each`. */
export const libraries: readonly SchemaLibrary[] = [valibot, zod, arktype];

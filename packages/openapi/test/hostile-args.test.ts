/**
 * Arbitrary arguments never break a call: every tool of the pet API, called
 * in-process with random JSON arguments, resolves to a well-formed result (a
 * tool error at worst), and the provider keeps serving afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenApiProvider, openapi } from '../src/index.js';
import { createCleanup, startPetApi } from './helpers.js';

const cleanup = createCleanup();
let provider: OpenApiProvider;
let names: string[];

beforeAll(async () => {
  const api = await startPetApi(cleanup);
  provider = await openapi(api.document, { baseUrl: api.url, timeoutMs: 2000 });
  // The slow route only waits; everything else is fair game.
  names = (await provider.listTools()).map((t) => t.name).filter((name) => name !== 'slow');
});
afterAll(() => cleanup.run());

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'id__path', 'x-trace', 'file', 'filter', 'ids', 'body');
const args = fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), jsonValue, { maxKeys: 6 });

test('random arguments give a result or a tool error, never a thrown error', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat(), args, async (pick, values) => {
      const name = names[pick % names.length] as string;
      const result = await provider.callTool(name, values);
      expect(Array.isArray(result.content)).toBe(true);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    }),
    { numRuns: 150 },
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  const after = await provider.callTool('report', {});
  expect(after.content).toEqual([{ type: 'text', text: 'all pets are fine' }]);
});

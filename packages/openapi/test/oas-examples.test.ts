/**
 * The importer against real-world documents: every OpenAPI 3.x document of
 * `@readme/oas-examples` (JSON and YAML) loads, and every tool it makes has
 * an input schema (and output schema) that compiles as JSON Schema 2020-12.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createServer } from '@mcpkit/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { buildComponents, type LoadedDocument, loadOpenApi, openapi, RESOURCE_ROUTES } from '../src/index.js';

const root = dirname(createRequire(import.meta.url).resolve('@readme/oas-examples/package.json'));

const documents = (version: string, format: 'json' | 'yaml'): string[] => {
  const dir = join(root, version, format);
  const files = readdirSync(dir, { withFileTypes: true, recursive: true });
  return files
    .filter((f) => f.isFile() && f.name.endsWith(`.${format}`))
    .map((f) => join(f.parentPath, f.name))
    .sort();
};

const all3x = [...documents('3.0', 'json'), ...documents('3.1', 'json')];

/** Documents loaded by the first test, reused by the later ones. */
const loads = new Map<string, LoadedDocument>();

/** Operations per document, for the report. */
const counts: Record<string, { operations: number; tools: number; warnings: number }> = {};

// Formats are annotations here (documents use many custom ones); keywords and structure are checked.
const ajv = new Ajv2020({ strict: false, validateFormats: false });
const compile = (schema: unknown) => ajv.compile(schema as object);

describe('@readme/oas-examples', () => {
  test('there are OpenAPI 3.0 and 3.1 documents to load', () => {
    expect(all3x.length).toBeGreaterThan(50);
  });

  test.each(all3x.map((file) => [file.slice(root.length + 1), file]))(
    '%s loads into tools whose schemas compile',
    async (label, file) => {
      const loaded = await loadOpenApi(file);
      loads.set(file, loaded);
      const built = buildComponents(loaded, { baseUrl: 'http://127.0.0.1:9' });
      const tools = await createServer({ name: 'x', version: '1' }, built.components).listTools();
      const operations = built.routes.length;
      counts[label] = { operations, tools: tools.length, warnings: loaded.warnings.length + built.warnings.length };
      expect(tools.length).toBe(operations);
      for (const listed of tools) {
        expect(listed.inputSchema.type).toBe('object');
        expect(() => compile(listed.inputSchema)).not.toThrow();
        if (listed.outputSchema) expect(() => compile(listed.outputSchema)).not.toThrow();
        // What clients receive is plain JSON.
        expect(JSON.parse(JSON.stringify(listed))).toEqual(listed);
      }
    },
  );

  test.each(
    documents('3.0', 'yaml')
      .concat(documents('3.1', 'yaml'))
      .map((file) => [file.slice(root.length + 1), file]),
  )('%s (YAML) loads', async (_label, file) => {
    const loaded = await loadOpenApi(file);
    expect(buildComponents(loaded).routes.length).toBeGreaterThanOrEqual(0);
  });

  test('with the resource route map, every document still folds into a server', async () => {
    for (const file of all3x) {
      const loaded = loads.get(file) ?? (await loadOpenApi(file));
      const built = buildComponents(loaded, { routeMaps: RESOURCE_ROUTES, baseUrl: 'http://127.0.0.1:9' });
      expect(() => createServer({ name: 'x', version: '1' }, built.components)).not.toThrow();
    }
  });

  test('a document given as a path goes through openapi() whole, with its validation problems as warnings', async () => {
    // This workshop document has an operation with no responses: invalid, but servable.
    const file = join(root, '3.0/json/openapi-workshop/post.json');
    const provider = await openapi(file, { baseUrl: 'http://127.0.0.1:9' });
    expect(provider.warnings.join('\n')).toMatch(/must NOT have fewer than 1 properties/);
    expect((await provider.listTools()).length).toBe(provider.routes.length);
    await expect(openapi(file, { strict: true })).rejects.toThrow(/is not a valid OpenAPI document/);
    expect((await openapi(file, { validate: false, baseUrl: 'http://127.0.0.1:9' })).warnings).toEqual([]);
  });

  test('Swagger 2.0 documents are refused with a message that says to convert them', async () => {
    for (const file of documents('2.0', 'json')) {
      await expect(openapi(file)).rejects.toThrow(/is Swagger 2\.0: convert it to OpenAPI 3/);
    }
  });

  test('operations per document (printed for the report)', () => {
    const total = Object.values(counts).reduce((sum, c) => sum + c.operations, 0);
    console.log(JSON.stringify({ documents: Object.keys(counts).length, operations: total, counts }, null, 1));
    expect(total).toBeGreaterThan(300);
  });
});

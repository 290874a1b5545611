/**
 * Scenario 6 (mcpkit only): `openapi()` from @mcpkit/openapi. Building the
 * provider for a 500-operation document (load, validate, dereference, map),
 * and `tools/call` of an imported operation against a node:http API on
 * 127.0.0.1 compared with calling that API directly with `fetch`, in the same
 * run: the ratio is the importer's overhead.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchContext } from '../lib/context.js';
import { syntheticDocument } from '../lib/openapi-document.js';
import type { Row } from '../lib/report.js';
import { median } from '../lib/stats.js';

const OPERATIONS = 500;

/** A tiny JSON API: every GET answers one item. */
const startApi = async () => {
  const body = JSON.stringify({ id: 1, name: 'item', tags: ['a'], owner: null });
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
};

/** Calls per second of `call`, run `count` times one after another. */
const rate = async (count: number, call: (i: number) => Promise<void>): Promise<number> => {
  const started = performance.now();
  for (let i = 0; i < count; i++) await call(i);
  return count / ((performance.now() - started) / 1000);
};

export const openapiScenario = async (ctx: BenchContext): Promise<Row[]> => {
  ctx.log(`openapi: build a provider for ${OPERATIONS} operations; tools/call over direct fetch`);
  // Imported here, not at the top: main.ts loads every scenario before it builds the packages' dist/.
  const { openapi } = await import('@mcpkit/openapi');
  const document = syntheticDocument(OPERATIONS);
  const builds: number[] = [];
  for (let run = 0; run < ctx.constructionRuns; run++) {
    const started = performance.now();
    const provider = await openapi(document);
    builds.push(performance.now() - started);
    if (provider.routes.length !== OPERATIONS)
      throw new Error(`expected ${OPERATIONS} routes, got ${provider.routes.length}`);
  }
  const build = median(builds);
  // The same without schema validation (validate: false), which is most of the loading time.
  const unchecked: number[] = [];
  for (let run = 0; run < ctx.constructionRuns; run++) {
    const started = performance.now();
    await openapi(document, { validate: false });
    unchecked.push(performance.now() - started);
  }
  ctx.log(
    `  mcpkit: build ${build.toFixed(1)} ms, ${median(unchecked).toFixed(1)} ms with validate: false (medians of ${builds.length})`,
  );

  const api = await startApi();
  try {
    const provider = await openapi(document, { baseUrl: api.url });
    const viaTool = async (i: number) => {
      const result = await provider.callTool(`getItem${i % 250}`, { id: i, fields: ['name'], verbose: true });
      if (result.isError) throw new Error(JSON.stringify(result.content));
    };
    const direct = async (i: number) => {
      const response = await fetch(`${api.url}/items${i % 250}/${i}?fields=name&verbose=true`, {
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await response.json();
    };
    const count = ctx.sequentialCalls;
    await rate(Math.min(200, count), direct);
    await rate(Math.min(200, count), viaTool);
    // Small batches, alternating, so drift on a shared machine hits both alike; each figure is a median of batches.
    const batch = 100;
    const directRates: number[] = [];
    const toolRates: number[] = [];
    for (let done = 0; done < count * Math.max(1, ctx.runs); done += batch) {
      directRates.push(await rate(batch, direct));
      toolRates.push(await rate(batch, viaTool));
    }
    const fetchRate = median(directRates);
    const toolRate = median(toolRates);
    // The median of each batch pair's ratio: neighbouring batches saw the same machine.
    const ratio = median(toolRates.map((value, i) => value / (directRates[i] as number)));
    ctx.log(
      `  direct fetch ${fetchRate.toFixed(0)}/s, tools/call ${toolRate.toFixed(0)}/s (${ratio.toFixed(2)}× fetch)`,
    );
    return [
      {
        scenario: `openapi(): build a provider for ${OPERATIONS} operations`,
        metric: 'ms',
        lowerIsBetter: true,
        cells: { mcpkit: { value: build, detail: { builds, unchecked } } },
      },
      {
        scenario: 'openapi(): sequential tools/call in-process (raw = the same API call with fetch)',
        metric: 'calls/s',
        cells: {
          raw: { value: fetchRate, detail: { directRates } },
          mcpkit: {
            note: `${Math.round(toolRate).toLocaleString('en-US')} (${ratio.toFixed(2)}× fetch)`,
            detail: { toolRates },
          },
        },
      },
    ];
  } finally {
    await api.close();
  }
};

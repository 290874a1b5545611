import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { bodyParts, isGoodBody, type LoadGenerator, type LoadResult, type LoadSpec } from './types.js';

const version = (createRequire(import.meta.url)('autocannon/package.json') as { version: string }).version;

/** autocannon in the runner process (servers run elsewhere), one body per request with a fresh id. */
export const autocannonGenerator: LoadGenerator = {
  name: `autocannon ${version}`,
  run: async (spec: LoadSpec): Promise<LoadResult> => {
    const [head, tail] = bodyParts(spec);
    let id = Date.now() % 1e9;
    let bad = 0;
    const result = await autocannon({
      url: spec.url,
      method: 'POST',
      connections: spec.connections,
      duration: spec.seconds,
      ...(spec.rate === undefined ? {} : { overallRate: spec.rate }),
      timeout: 30,
      headers: { ...spec.headers },
      requests: [
        {
          setupRequest: (request) => ({ ...request, body: `${head}${++id}${tail}` }),
          onResponse: (status, body) => {
            if (status >= 200 && status < 300 && !isGoodBody(body)) bad++;
          },
        },
      ],
    });
    return {
      rps: result.requests.total / (result.duration || spec.seconds),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: result.requests.total,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      rpcErrors: bad,
    };
  },
};

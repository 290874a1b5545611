import { bodyParts, type LoadGenerator, type LoadResult, type LoadSpec } from './types.js';
import { runWrkScript } from './wrk-script.js';
import { wrkOpenSessions } from './wrk-sessions.js';

/**
 * Lua for a paced run: each connection waits a random 0.5–1.5× its share of
 * the interval before each request (wrk's `delay()`, in whole milliseconds),
 * so `rate` requests a second arrive spread out rather than in bursts of every
 * connection at once. Empty for an unpaced run.
 */
const pacing = (spec: LoadSpec): string => {
  if (spec.rate === undefined) return '';
  const meanMs = (spec.connections * 1000) / spec.rate;
  if (meanMs < 2)
    throw new Error(`rate ${spec.rate}/s needs at least ${spec.connections * 500}/s of connections' delay`);
  return `delay = function() return math.random(${Math.round(meanMs * 0.5)}, ${Math.round(meanMs * 1.5)}) end`;
};

/** Lua: unique increasing ids, body checks in `response`, a JSON summary from `done`, pacing when asked. */
const script = (spec: LoadSpec): string => {
  const [head, tail] = bodyParts(spec);
  const headers = Object.entries(spec.headers)
    .map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
    .join('\n');
  return `
wrk.method = "POST"
${headers}
local id = ${Date.now() % 1e9}
local head, tail = ${JSON.stringify(head)}, ${JSON.stringify(tail)}
local threads = {}
bad = 0
setup = function(thread) table.insert(threads, thread) end
request = function()
  id = id + 1
  return wrk.format(nil, nil, nil, head .. id .. tail)
end
${pacing(spec)}
response = function(status, headers, body)
  if status >= 200 and status < 300 and (not string.find(body, '"result"', 1, true) or string.find(body, '"isError":true', 1, true)) then
    bad = bad + 1
  end
end
done = function(summary, latency, requests)
  local bad_total = 0
  for _, thread in ipairs(threads) do bad_total = bad_total + thread:get("bad") end
  local e = summary.errors
  io.write(string.format('\\nBENCH {"requests":%d,"us":%d,"p50":%d,"p99":%d,"errors":%d,"non2xx":%d,"bad":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status, bad_total))
end
`;
};

/** wrk with one thread, driven by a generated Lua script. */
export const wrk = (version: string): LoadGenerator => ({
  name: version,
  openSessions: wrkOpenSessions,
  run: async (spec: LoadSpec): Promise<LoadResult> => {
    const s = await runWrkScript(script(spec), spec);
    return {
      rps: (s.requests ?? 0) / ((s.us ?? 1) / 1e6),
      p50Ms: (s.p50 ?? 0) / 1000,
      p99Ms: (s.p99 ?? 0) / 1000,
      requests: s.requests ?? 0,
      errors: s.errors ?? 0,
      non2xx: s.non2xx ?? 0,
      rpcErrors: s.bad ?? 0,
    };
  },
});

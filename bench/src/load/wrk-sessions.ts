import type { SessionLoadResult, SessionLoadSpec } from './types.js';
import { runWrkScript } from './wrk-script.js';

/**
 * Lua: requests alternate between `initialize` (no session id) and
 * `notifications/initialized` carrying the latest session id any answer
 * brought. wrk asks each connection for its next request on its own schedule,
 * so an acknowledgement may go to a session another connection opened a moment
 * before; every session still costs the server one initialize and (on average)
 * one notification, which is what opening a session costs.
 */
const script = (spec: SessionLoadSpec): string => {
  const headers = Object.entries(spec.headers)
    .map(([name, value]) => `[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
    .join(', ');
  return `
local base = { ${headers} }
local initialize, initialized = ${JSON.stringify(spec.initialize)}, ${JSON.stringify(spec.initialized)}
local latest = nil
local n = 0
local threads = {}
opened = 0
setup = function(thread) table.insert(threads, thread) end
request = function()
  n = n + 1
  local h = {}
  for k, v in pairs(base) do h[k] = v end
  if latest ~= nil and n % 2 == 0 then
    h["mcp-session-id"] = latest
    return wrk.format("POST", nil, h, initialized)
  end
  return wrk.format("POST", nil, h, initialize)
end
response = function(status, headers, body)
  if status ~= 200 then return end
  for k, v in pairs(headers) do
    if string.lower(k) == "mcp-session-id" then
      latest = v
      opened = opened + 1
    end
  end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("opened") end
  local e = summary.errors
  io.write(string.format('\\nBENCH {"sessions":%d,"us":%d,"errors":%d}\\n',
    total, summary.duration, e.connect + e.read + e.write + e.timeout + e.status))
end
`;
};

/** Opens sessions with wrk (1 thread) for `spec.seconds`. */
export const wrkOpenSessions = async (spec: SessionLoadSpec): Promise<SessionLoadResult> => {
  const s = await runWrkScript(script(spec), spec);
  return { sessions: s.sessions ?? 0, seconds: (s.us ?? 1) / 1e6, errors: s.errors ?? 0 };
};

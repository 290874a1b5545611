/** Minimal Streamable HTTP client for setting up and checking servers (not for load). */

/** Latest protocol revision every server under test speaks. */
export const PROTOCOL_VERSION = '2025-06-18';

/** Headers every MCP POST carries. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': PROTOCOL_VERSION,
};

/** The `initialize` request the runner sends. */
export const INITIALIZE = {
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'mcpkit-bench', version: '1' } },
} as const;

/** Extracts the JSON-RPC message from a JSON or SSE (`data:` lines) body. */
export const parseBody = (body: string): { result?: unknown; error?: unknown } | undefined => {
  const trimmed = body.trim();
  if (trimmed.startsWith('{')) return JSON.parse(trimmed);
  const data = trimmed
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim())
    .find((line) => line.startsWith('{') && line.includes('"id"'));
  return data ? JSON.parse(data) : undefined;
};

/** POSTs one JSON-RPC message; returns the status, the session id header and the parsed answer. */
export const post = async (url: string, message: object, headers: Record<string, string> = {}) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...BASE_HEADERS, ...headers },
    body: JSON.stringify(message),
  });
  const text = await response.text();
  return {
    status: response.status,
    sessionId: response.headers.get('mcp-session-id') ?? undefined,
    message: text ? parseBody(text) : undefined,
  };
};

/** Initializes one session; returns the headers to send with every later request. */
export const openSession = async (url: string): Promise<Record<string, string>> => {
  const init = await post(url, INITIALIZE);
  if (init.status !== 200 || !init.message?.result) throw new Error(`initialize failed: HTTP ${init.status}`);
  const headers: Record<string, string> = init.sessionId ? { 'mcp-session-id': init.sessionId } : {};
  const ack = await post(url, { jsonrpc: '2.0', method: 'notifications/initialized' }, headers);
  if (ack.status >= 300) throw new Error(`notifications/initialized failed: HTTP ${ack.status}`);
  return headers;
};

/** The `add(2, 3)` call every server must answer with `5` before it is measured. */
export const ADD_CALL = { method: 'tools/call', params: { name: 'add', arguments: { a: 2, b: 3 } } } as const;

/** Throws unless `result` is a tools/call result whose first text is `expected`. */
export const expectText = (result: unknown, expected: string): void => {
  const text = (result as { content?: { text?: string }[] } | undefined)?.content?.[0]?.text;
  if (text !== expected) throw new Error(`expected "${expected}", got ${JSON.stringify(result)?.slice(0, 200)}`);
};

/** Checks `add(2, 3)` answers 5 over HTTP with the given session headers. */
export const verifyHttp = async (url: string, headers: Record<string, string>): Promise<void> => {
  const answer = await post(url, { jsonrpc: '2.0', id: 1, ...ADD_CALL }, headers);
  if (answer.status !== 200) throw new Error(`tools/call failed: HTTP ${answer.status}`);
  expectText(answer.message?.result, '5');
};

/** The 2026 revision: no initialize, no session, a per-request envelope in `params._meta`. */
export const MODERN_PROTOCOL_VERSION = '2026-07-28';

/** Headers a 2026-07-28 `tools/call add` carries (sent on top of {@link BASE_HEADERS}, replacing its version). */
export const MODERN_ADD_HEADERS: Readonly<Record<string, string>> = {
  'mcp-protocol-version': MODERN_PROTOCOL_VERSION,
  'mcp-method': 'tools/call',
  'mcp-name': 'add',
};

/** {@link ADD_CALL} as a 2026-07-28 request: the envelope a client sends with every request. */
export const MODERN_ADD_CALL = {
  method: 'tools/call',
  params: {
    ...ADD_CALL.params,
    _meta: {
      'io.modelcontextprotocol/protocolVersion': MODERN_PROTOCOL_VERSION,
      'io.modelcontextprotocol/clientCapabilities': {},
      'io.modelcontextprotocol/clientInfo': { name: 'mcpkit-bench', version: '1' },
    },
  },
} as const;

/**
 * Checks a 2026-07-28 `add(2, 3)` answers 5 as a modern result
 * (`resultType: "complete"`), so the server did not serve it as a 2025 call.
 */
export const verifyModernHttp = async (url: string, headers: Record<string, string>): Promise<void> => {
  const answer = await post(url, { jsonrpc: '2.0', id: 1, ...MODERN_ADD_CALL }, headers);
  if (answer.status !== 200) throw new Error(`2026 tools/call failed: HTTP ${answer.status}`);
  expectText(answer.message?.result, '5');
  const resultType = (answer.message?.result as { resultType?: unknown } | undefined)?.resultType;
  if (resultType !== 'complete') throw new Error(`expected resultType "complete", got ${JSON.stringify(resultType)}`);
};

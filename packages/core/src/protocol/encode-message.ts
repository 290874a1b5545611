import { once } from '../utils/once.js';

/** Where a value made by {@link withJsonText} keeps its JSON text; module-private, so nothing else can set it. */
const JSON_TEXT = Symbol('mcpkit.jsonText');

/**
 * Freezes `value` and gives it a hidden, lazily made copy of its JSON text,
 * which {@link encodeMessage} splices in instead of serialising it again.
 * Only for values whose whole graph is frozen plain data (so the text can
 * never go stale); the text is a non-enumerable symbol property, so
 * `JSON.stringify` and spreads never see it, and a copy does not carry it.
 */
export const withJsonText = <T extends object>(value: T): T => {
  Object.defineProperty(value, JSON_TEXT, { get: once(() => JSON.stringify(value)) });
  return Object.freeze(value);
};

const jsonTextOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null ? ((value as Record<symbol, unknown>)[JSON_TEXT] as string) : undefined;

const hasToJson = (value: object): boolean => typeof (value as { toJSON?: unknown }).toJSON === 'function';

/** A message with its ready-made members spliced in, the others serialised as `JSON.stringify` would. */
const splice = (message: Record<string, unknown>): string => {
  // Concatenation, not join: the big cached text is linked in, not copied (the transport's write copies it once).
  let text = '';
  for (const key of Object.keys(message)) {
    const value = message[key];
    const cached = jsonTextOf(value);
    // Others are serialised under their own key, so toJSON(key), undefined and functions behave as in the whole.
    const member =
      cached === undefined ? JSON.stringify({ [key]: value }).slice(1, -1) : `${JSON.stringify(key)}:${cached}`;
    if (member) text = text ? `${text},${member}` : member;
  }
  return `{${text}}`;
};

const isPlainMessage = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !hasToJson(value);

/**
 * A response whose result ends with a ready-made `_meta` (a modern result
 * names its server so): the rest serialised as usual, the text put in its
 * place. Undefined unless `_meta` is the result's last member and the result
 * the message's, so the bytes are `JSON.stringify`'s.
 */
const spliceTrailingMeta = (message: Record<string, unknown>, result: unknown): string | undefined => {
  if (typeof result !== 'object' || result === null || Array.isArray(result) || hasToJson(result)) return undefined;
  const meta = jsonTextOf((result as Record<string, unknown>)._meta);
  if (meta === undefined) return undefined;
  // Copied key by key, in order (a spread followed by new keys costs V8 a fresh hidden class).
  const rest: Record<string, unknown> = {};
  let last: string | undefined;
  for (const key in result) {
    if (!Object.hasOwn(result, key)) continue;
    last = key;
    if (key !== '_meta') rest[key] = (result as Record<string, unknown>)[key];
  }
  const head: Record<string, unknown> = {};
  let lastOfMessage: string | undefined;
  for (const key in message) {
    if (!Object.hasOwn(message, key)) continue;
    lastOfMessage = key;
    head[key] = key === 'result' ? rest : message[key];
  }
  if (last !== '_meta' || lastOfMessage !== 'result') return undefined;
  const text = JSON.stringify(head);
  // `text` ends with the result's closing brace, then the message's.
  const body = text.slice(0, -2);
  return `${body}${body.endsWith('{') ? '' : ','}"_meta":${meta}}}`;
};

/**
 * The text of one message when something in it is ready-made; undefined when
 * plain serialisation is as good. Only results are kept ready-made (list
 * pages), and a modern result's `_meta`, so a response's `result` is the one
 * member looked at: a text elsewhere is merely serialised again, which gives
 * the same bytes.
 */
const encodeOne = (message: Record<string, unknown>): string | undefined => {
  const own = jsonTextOf(message);
  if (own !== undefined) return own;
  const { result } = message;
  return jsonTextOf(result) === undefined ? spliceTrailingMeta(message, result) : splice(message);
};

/**
 * Serialises a JSON-RPC message (or batch) to exactly the text
 * `JSON.stringify(message)` gives, but fast for results the server keeps
 * ready-made: a `tools/list` page of a server whose lists never change is
 * serialised once and then reused, instead of once per request. Transports
 * should write messages with it.
 *
 * @example
 * const response = await server.handle(request);
 * res.end(encodeMessage(response));
 */
export const encodeMessage = (message: unknown): string => {
  if (isPlainMessage(message)) return encodeOne(message) ?? JSON.stringify(message);
  // A batch: spliced element by element when every element is a plain message and one has ready-made text.
  if (Array.isArray(message) && !hasToJson(message) && message.every(isPlainMessage)) {
    const texts = message.map(encodeOne);
    if (texts.some((text) => text !== undefined)) {
      return `[${texts.map((text, i) => text ?? JSON.stringify(message[i])).join(',')}]`;
    }
  }
  return JSON.stringify(message);
};

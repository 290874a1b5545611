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
 * The text of one message when something in it is ready-made; undefined when
 * plain serialisation is as good. Only results are kept ready-made (list
 * pages), so a response's `result` is the one member looked at: a text
 * elsewhere is merely serialised again, which gives the same bytes.
 */
const encodeOne = (message: Record<string, unknown>): string | undefined =>
  jsonTextOf(message) ?? (jsonTextOf(message.result) === undefined ? undefined : splice(message));

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

/**
 * Longest piece of client input an error message quotes back, in characters:
 * enough to recognise a name or URI, and an unknown 4 MiB tool name costs
 * neither a 4 MiB answer nor a 4 MiB entry in an event store.
 */
export const MAX_QUOTED_CHARS = 200;

/** `text` cut to {@link MAX_QUOTED_CHARS}, saying how many characters were left out. */
export const clipInput = (text: string): string => {
  if (text.length <= MAX_QUOTED_CHARS) return text;
  // Never cut a surrogate pair in half.
  const high = text.charCodeAt(MAX_QUOTED_CHARS - 1);
  const cut = high >= 0xd800 && high <= 0xdbff ? MAX_QUOTED_CHARS - 1 : MAX_QUOTED_CHARS;
  return `${text.slice(0, cut)}… (${text.length - cut} more characters)`;
};

/** `value` as JSON for an error message, clipped; a long string is cut before it is quoted. */
export const quoteInput = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(clipInput(value)) : clipInput(JSON.stringify(value) ?? String(value));

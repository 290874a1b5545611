const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * Whether the JSON text in `bytes` holds more than `max` values, counted as
 * one for the top level plus one per `{`, `[` and `,` outside strings (at
 * least the number of values, at most about twice it). Parsing time and the
 * heap a parsed message takes grow with its values, not its bytes: 4 MiB of
 * `{},` is 1.4 million objects and a half-second `JSON.parse`, while a 4 MiB
 * string parses in milliseconds. So this runs before parsing, in linear time:
 * strings are skipped with native `indexOf`, and the count stops at `max`.
 */
export const exceedsJsonValues = (bytes: Uint8Array, max: number): boolean => {
  // Each counted character is a byte of its own: a body shorter than `max` cannot get there (most bodies).
  if (bytes.length < max) return false;
  let count = 1;
  let at = 0;
  const end = bytes.length;
  while (at < end) {
    const quote = bytes.indexOf(QUOTE, at);
    const stop = quote === -1 ? end : quote;
    for (let i = at; i < stop; i++) {
      const byte = bytes[i];
      if ((byte === COMMA || byte === OPEN_BRACE || byte === OPEN_BRACKET) && ++count > max) return true;
    }
    if (quote === -1) return false;
    // The string ends at the next quote not escaped by an odd run of backslashes.
    let close = bytes.indexOf(QUOTE, quote + 1);
    while (close !== -1) {
      let slashes = 0;
      while (bytes[close - 1 - slashes] === BACKSLASH) slashes++;
      if (slashes % 2 === 0) break;
      close = bytes.indexOf(QUOTE, close + 1);
    }
    // An unterminated string is JSON.parse's to refuse.
    if (close === -1) return false;
    at = close + 1;
  }
  return false;
};

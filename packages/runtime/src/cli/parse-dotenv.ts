const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Where the closing quote is; inside double quotes, `\"` does not close. */
const closingQuote = (text: string, quote: string): number => {
  for (let i = 0; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
};

/** A value as written: double quotes take `\n`-style escapes, single quotes are literal, bare values lose a trailing ` # comment`. */
const unquote = (raw: string, rest: () => string | undefined): string => {
  const quote = raw[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    // A quoted value may span lines up to its closing quote.
    let text = raw.slice(1);
    let end = closingQuote(text, quote);
    while (end === -1) {
      const next = rest();
      if (next === undefined) break;
      text += `\n${next}`;
      end = closingQuote(text, quote);
    }
    const body = end === -1 ? text : text.slice(0, end);
    return quote === '"' ? body.replace(/\\([nrt"\\])/g, (_, c: string) => ESCAPES[c] as string) : body;
  }
  return raw.replace(/\s+#.*$/, '');
};

/**
 * Parses a `.env` file: `KEY=value` lines, optional `export `, `#` comments,
 * single, double (with escapes) or backtick quotes, multi-line quoted values.
 * Lines that are not assignments are skipped.
 */
export const parseDotenv = (text: string): Record<string, string> => {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const values: Record<string, string> = {};
  let index = 0;
  const next = () => lines[index++];
  for (let line = next(); line !== undefined; line = next()) {
    const match = LINE.exec(line);
    if (!match) continue;
    values[match[1] as string] = unquote(match[2] as string, next);
  }
  return values;
};
